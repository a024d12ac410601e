import Foundation

/// How many regular files and bytes a folder tree holds (links are not followed and not counted).
struct WorkspaceUsage: Sendable, Equatable {
    /// Regular files found.
    var files = 0
    /// Their sizes added up.
    var bytes = 0

    /// Measures the tree at `root` (nothing when it does not exist). Stops counting once more than
    /// `fileLimit` files were found: the result then only says the limit is exceeded.
    static func measure(_ root: String, fileLimit: Int) -> WorkspaceUsage {
        var usage = WorkspaceUsage()
        var pending = [root]
        while let directory = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names {
                let path = directory + "/" + name
                switch FileSystemProbe.kind(ofPath: path, followingLinks: false) {
                case .file?:
                    usage.files += 1
                    usage.bytes += FileSystemProbe.size(ofPath: path) ?? 0
                    if usage.files > fileLimit { return usage }
                case .directory?:
                    pending.append(path)
                default:
                    continue
                }
            }
        }
        return usage
    }
}
