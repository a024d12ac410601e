import Foundation

extension SessionFile {
    /// How many characters of each file the report shows.
    static let previewLength = 100

    /// The regular files under a session workspace, sorted by path (none when it does not exist).
    /// Symbolic links are listed, not followed.
    static func list(workspace: URL) -> [SessionFile] {
        let root = workspace.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else { return [] }
        var files: [SessionFile] = []
        while let url = walker.nextObject() as? URL {
            guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), values.isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(root.path.count + 1))
            files.append(SessionFile(path: path, size: values.fileSize ?? 0, preview: preview(of: url)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The first ``previewLength`` characters of a text file; empty for binary content.
    static func preview(of url: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: previewLength * 4)) ?? Data()
        if bytes.contains(0) { return "" }
        return String(String(decoding: bytes, as: UTF8.self).prefix(previewLength))
    }
}
