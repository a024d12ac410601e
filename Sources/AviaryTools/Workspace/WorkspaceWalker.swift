import AviaryCore
import Foundation

/// Lists the files below a workspace directory without ever leaving the workspace.
///
/// Regular files are listed; a symbolic link is listed only when it resolves to a regular file
/// inside the workspace; linked directories are never entered (no escapes, no cycles).
struct WorkspaceWalker: Sendable {
    /// What a walk found.
    struct Listing: Sendable {
        /// Files found, sorted by path (byte order).
        var files: [WorkspacePath]
        /// Whether the walk stopped at ``WorkspaceWalker/maxEntries`` before seeing everything.
        var incomplete: Bool
    }

    /// How many directory entries a walk examines at most (protects against huge trees).
    var maxEntries: Int = 100_000

    /// The files below `directory`, or just `directory` when it is itself a file. Each entry
    /// examined spends a step of `budget`, which also stops the walk when the call's time runs out
    /// or the call is cancelled.
    func files(under directory: WorkspacePath, budget: inout WorkBudget) throws(ToolError) -> Listing {
        let fm = FileManager.default
        var files: [WorkspacePath] = []
        var pending: [WorkspacePath] = [directory]
        var examined = 0
        if FileSystemProbe.kind(ofPath: directory.absolutePath, followingLinks: true) == .file {
            return Listing(files: [directory], incomplete: false)
        }
        while let current = pending.popLast() {
            guard let names = try? fm.contentsOfDirectory(atPath: current.absolutePath) else { continue }
            for name in names {
                try budget.spend()
                examined += 1
                if examined > maxEntries {
                    return Listing(files: Self.sorted(files), incomplete: true)
                }
                let child = current.appending(name)
                switch FileSystemProbe.kind(ofPath: child.absolutePath, followingLinks: false) {
                case .file?: files.append(child)
                case .directory?: pending.append(child)
                case .symlink?:
                    if let target = FileSystemProbe.realPath(child.absolutePath), child.contains(realPath: target),
                        FileSystemProbe.kind(ofPath: target, followingLinks: false) == .file
                    {
                        files.append(child)
                    }
                default: continue
                }
            }
        }
        return Listing(files: Self.sorted(files), incomplete: false)
    }

    /// The path of `file` relative to the walked `directory` (its name when `directory` is the file itself),
    /// which is what globs match against.
    static func path(of file: WorkspacePath, below directory: WorkspacePath) -> String {
        let prefixLength = directory.isRoot ? 0 : directory.relativePath.utf8.count + 1
        guard file.relativePath.utf8.count > prefixLength else {
            return file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
        }
        return String(decoding: file.relativePath.utf8.dropFirst(prefixLength), as: UTF8.self)
    }

    private static func sorted(_ files: [WorkspacePath]) -> [WorkspacePath] {
        files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }
}
