import Foundation

/// The definition files of a project folder (`agents/`, `tools/`, `workflows/`): its `*.yaml` and
/// `*.yml` files sorted by name, and their paths relative to the project.
public enum YAMLFolder {
    /// The folder's YAML files, sorted by name (none when the folder is missing).
    public static func files(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// `url`'s path relative to `root` (`agents/router.yaml`), or its whole path outside it.
    public static func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
