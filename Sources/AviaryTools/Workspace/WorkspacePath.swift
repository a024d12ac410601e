import AviaryCore
import Foundation

/// A path supplied by a user or a model, resolved inside a workspace root and proven not to escape it.
///
/// Resolution rejects, each with ``ToolError/forbidden(_:)``:
/// - NUL bytes, absolute paths and home-relative (`~`) paths;
/// - `..` components that climb above the root (`a/../../x`), resolved lexically so the kernel never
///   sees a `..`;
/// - symbolic links, at any component including the last, whose real target lies outside the root
///   or cannot be resolved (dangling links and loops), because writing through a dangling link
///   would create its target wherever it points.
///
/// Components that do not exist yet are allowed (a file about to be written). The root itself is
/// resolved with `realpath`, so a workspace reached through a symlink (for example `/tmp` on macOS)
/// still works. File-system calls must use ``absolutePath`` (or ``url``), never the raw input.
public struct WorkspacePath: Sendable, Hashable, CustomStringConvertible {
    /// The workspace root: absolute, with symbolic links resolved.
    public let root: String
    /// The normalised path relative to the root with `/` separators; empty for the root itself.
    public let relativePath: String

    /// The absolute path to use for file-system calls.
    public var absolutePath: String { Self.join(root, relativePath) }

    /// ``absolutePath`` as a file URL.
    public var url: URL { URL(fileURLWithPath: absolutePath) }

    /// The path as shown to a model: relative to the root, or `.` for the root itself.
    public var description: String { relativePath.isEmpty ? "." : relativePath }

    /// Whether this is the workspace root itself.
    public var isRoot: Bool { relativePath.isEmpty }

    /// Resolves `path` (relative to the workspace; empty or `.` means the root) inside `workspace`.
    ///
    /// - Throws: ``ToolError/forbidden(_:)`` when the path is absolute, contains a NUL byte, climbs
    ///   out of the root with `..`, or passes through a symbolic link whose target is outside the
    ///   root or cannot be resolved.
    public init(_ path: String, in workspace: URL) throws(ToolError) {
        let shown = Self.shown(path)
        guard !path.utf8.contains(0) else {
            throw ToolError.forbidden("path '\(shown)' contains a NUL byte")
        }
        guard path.utf8.first != UInt8(ascii: "/") else {
            throw ToolError.forbidden("path '\(shown)' is absolute; use a path relative to the workspace")
        }
        if path.utf8.elementsEqual("~".utf8) || path.utf8.starts(with: "~/".utf8) {
            throw ToolError.forbidden("path '\(shown)' points into a home directory; use a path relative to the workspace")
        }
        var components: [String] = []
        for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                guard !components.isEmpty else { throw ToolError.forbidden("path '\(shown)' escapes the workspace") }
                components.removeLast()
                continue
            }
            components.append(String(decoding: part, as: UTF8.self))
        }
        let root = Self.resolvedRoot(of: workspace)
        try Self.checkLinks(root: root, components: components, shown: shown)
        self.root = root
        self.relativePath = components.joined(separator: "/")
    }

    /// Creates a path from already-checked parts (used when walking a resolved directory).
    init(root: String, relativePath: String) {
        self.root = root
        self.relativePath = relativePath
    }

    /// The child named `name` (a directory entry name, not a path) of this directory path.
    ///
    /// No link checks are made: callers walking a directory must check entries that are links.
    func appending(_ name: String) -> WorkspacePath {
        WorkspacePath(root: root, relativePath: relativePath.isEmpty ? name : relativePath + "/" + name)
    }

    /// Whether the absolute, link-free path `candidate` is the root or lies below it (byte-wise).
    func contains(realPath candidate: String) -> Bool {
        Self.isInside(candidate, root: root)
    }

    // MARK: - Resolution

    /// The workspace root with links resolved; a root that does not exist yet is used as given.
    private static func resolvedRoot(of workspace: URL) -> String {
        let given = workspace.standardizedFileURL.path
        var root = FileSystemProbe.realPath(given) ?? given
        while root.utf8.count > 1, root.utf8.last == UInt8(ascii: "/") { root.removeLast() }
        return root
    }

    /// Walks the existing prefix of `root/components…` and rejects links leading outside `root`.
    private static func checkLinks(root: String, components: [String], shown: String) throws(ToolError) {
        var current = root
        var deepestExisting = root
        for component in components {
            current = join(current, component)
            guard let kind = FileSystemProbe.kind(ofPath: current, followingLinks: false) else { break }
            if kind == .symlink {
                guard let target = FileSystemProbe.realPath(current) else {
                    throw ToolError.forbidden("path '\(shown)' goes through a symbolic link that cannot be resolved")
                }
                guard isInside(target, root: root) else {
                    throw ToolError.forbidden("path '\(shown)' goes through a symbolic link that points outside the workspace")
                }
            }
            deepestExisting = current
        }
        // Belt and braces: the deepest existing prefix must really be inside the root.
        if let real = FileSystemProbe.realPath(deepestExisting), !isInside(real, root: root) {
            throw ToolError.forbidden("path '\(shown)' escapes the workspace")
        }
    }

    /// Byte-wise containment (no Unicode normalisation, which could make different names compare equal).
    private static func isInside(_ candidate: String, root: String) -> Bool {
        if root == "/" { return candidate.utf8.first == UInt8(ascii: "/") }
        let c = Array(candidate.utf8), r = Array(root.utf8)
        if c == r { return true }
        return c.count > r.count && c.starts(with: r) && c[r.count] == UInt8(ascii: "/")
    }

    private static func join(_ base: String, _ relative: String) -> String {
        if relative.isEmpty { return base }
        return base == "/" ? "/" + relative : base + "/" + relative
    }

    /// The user's path as quoted in messages (long paths are shortened).
    private static func shown(_ path: String) -> String {
        let cleaned = path.replacingOccurrences(of: "\0", with: "\\0")
        return cleaned.count > 200 ? String(cleaned.prefix(200)) + "…" : cleaned
    }
}
