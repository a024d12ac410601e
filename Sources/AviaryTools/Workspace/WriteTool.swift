import AviaryCore
import Foundation

/// `write`: creates or replaces a workspace file with the given text.
///
/// Missing parent directories are created and the write is atomic (temporary file + rename), so a
/// reader never sees a half-written file. Writing the same content twice leaves the same result,
/// so the tool is idempotent. The file size and the session's and tenant's workspace quotas
/// (``WorkspaceLimits``) are checked before anything is written.
public struct WriteTool: Tool {
    /// The file size limit and workspace quotas.
    public let limits: WorkspaceLimits
    /// Largest content accepted, in UTF-8 bytes (``WorkspaceLimits/maxFileBytes``).
    public var maxBytes: Int { limits.maxFileBytes }

    /// Creates the tool with `limits` (default: ``WorkspaceLimits``' defaults, 10 MB per file).
    public init(limits: WorkspaceLimits = WorkspaceLimits()) {
        self.limits = limits
    }

    /// Creates the tool with a file size limit and the default quotas.
    public init(maxBytes: Int) {
        self.init(limits: WorkspaceLimits(maxFileBytes: maxBytes))
    }

    /// Name `write`, with a JSON Schema for `path` and `content`.
    public var spec: ToolSpec {
        ToolSpec(
            name: "write",
            description: """
                Create or overwrite a text file in the session workspace. Parent directories are created as needed.
                """,
            parameters: [
                "type": "object",
                "properties": [
                    "path": ["type": "string", "description": "File to write, relative to the workspace."],
                    "content": ["type": "string", "description": "The complete new content of the file."],
                ],
                "required": ["path", "content"],
                "additionalProperties": false,
            ])
    }

    /// Idempotent (same content, same file) and safe: it only touches the session workspace.
    /// Blocking (file system): it runs off the event loops.
    public var policy: ToolPolicy { ToolPolicy(risk: .safe, idempotent: true, blocking: true) }

    /// Writes the file.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let workspace = try context.requireWorkspace()
        let path = try WorkspacePath(try args.string("path"), in: workspace)
        let content = try args.string("content")
        let bytes = Data(content.utf8)
        guard bytes.count <= maxBytes else {
            throw ToolError.invalidArguments("content is too large (\(bytes.count) bytes; the limit is \(maxBytes) bytes)")
        }
        try WorkspaceQuota(limits: limits, context: context, workspace: workspace).checkWrite(of: bytes.count, to: path)
        try WorkspaceFile.write(bytes, to: path)
        return .text("wrote \(bytes.count) bytes to \(path)")
    }
}
