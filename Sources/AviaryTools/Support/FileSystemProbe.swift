#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the workspace tools need to reason about real paths.
enum FileSystemProbe {
    /// What a path names.
    enum Kind: Sendable, Equatable {
        /// A regular file.
        case file
        /// A directory.
        case directory
        /// A symbolic link (only reported by ``kind(ofPath:followingLinks:)`` with `followingLinks: false`).
        case symlink
        /// A device, socket or FIFO.
        case other
    }

    /// The canonical absolute path with every symbolic link resolved, or `nil` when it cannot be
    /// resolved (missing, dangling link, link loop, permission).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The kind of file at `path`, or `nil` when nothing is there.
    static func kind(ofPath path: String, followingLinks: Bool) -> Kind? {
        var info = stat()
        let status = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The size in bytes of the file at `path` (following links), or `nil` when it cannot be read.
    static func size(ofPath path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }
}
