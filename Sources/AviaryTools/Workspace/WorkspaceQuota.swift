import AviaryCore
import Foundation

/// Checks a write against ``WorkspaceLimits`` before it happens: the file's final size, then the
/// session's and the tenant's totals as they would be after the write.
struct WorkspaceQuota: Sendable {
    /// The limits to enforce.
    let limits: WorkspaceLimits
    /// The session workspace (its root).
    let workspace: URL
    /// The folder of all the tenant's session workspaces, when known.
    let tenantFolder: URL?

    /// The quota of the call's session and tenant.
    init(limits: WorkspaceLimits, context: ToolContext, workspace: URL) {
        self.limits = limits
        self.workspace = workspace
        self.tenantFolder = context.tenantWorkspaces
    }

    /// Throws a ``ToolError`` when writing `newSize` bytes to `path` (replacing what is there)
    /// would exceed a limit.
    func checkWrite(of newSize: Int, to path: WorkspacePath) throws(ToolError) {
        guard newSize <= limits.maxFileBytes else {
            throw ToolError.failed("""
                refused: '\(path)' would be \(newSize) bytes; the limit per file is \(limits.maxFileBytes) bytes. \
                Write smaller files.
                """)
        }
        let existing: Int? = FileSystemProbe.kind(ofPath: path.absolutePath, followingLinks: false) == .file
            ? FileSystemProbe.size(ofPath: path.absolutePath) ?? 0 : nil
        let addedFiles = existing == nil ? 1 : 0
        let addedBytes = newSize - (existing ?? 0)
        try check("the session workspace", root: path.root, addedFiles: addedFiles, addedBytes: addedBytes,
                  maxFiles: limits.sessionMaxFiles, maxBytes: limits.sessionMaxBytes)
        if let tenantFolder {
            try check("this tenant's workspaces", root: tenantFolder.standardizedFileURL.path, addedFiles: addedFiles,
                      addedBytes: addedBytes, maxFiles: limits.tenantMaxFiles, maxBytes: limits.tenantMaxBytes)
        }
    }

    private func check(_ what: String, root: String, addedFiles: Int, addedBytes: Int, maxFiles: Int, maxBytes: Int) throws(ToolError) {
        let usage = WorkspaceUsage.measure(root, fileLimit: maxFiles)
        if addedFiles > 0, usage.files + addedFiles > maxFiles {
            throw ToolError.failed("""
                refused: \(what) would hold more than \(maxFiles) files, its quota. \
                Put the content in files that already exist instead of creating new ones.
                """)
        }
        if addedBytes > 0, usage.bytes + addedBytes > maxBytes {
            throw ToolError.failed("""
                refused: \(what) would hold \(usage.bytes + addedBytes) bytes; its quota is \(maxBytes) bytes \
                (\(usage.bytes) in use). Shorten or empty files you no longer need before writing more.
                """)
        }
    }
}
