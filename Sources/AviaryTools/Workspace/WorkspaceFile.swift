import AviaryCore
import Foundation

/// File reads and writes shared by the workspace tools, with errors worded for a model.
enum WorkspaceFile {
    /// How many leading bytes are inspected for NUL bytes when deciding whether a file is binary.
    static let binarySniffLength = 8_192

    /// Whether `bytes` look binary: a NUL byte within the first ``binarySniffLength`` bytes.
    static func looksBinary(_ bytes: Data) -> Bool {
        bytes.prefix(binarySniffLength).contains(0)
    }

    /// The lines of `text`, split on `\n` with a trailing `\r` removed (a final newline does not
    /// start another line). Works on scalars: Swift treats `\r\n` as one `Character`.
    static func lines(of text: String) -> [Substring] {
        guard !text.isEmpty else { return [] }
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { slice in
            slice.last == "\r" ? Substring(slice.dropLast()) : Substring(slice)
        }
        if text.unicodeScalars.last == "\n" { lines.removeLast() }
        return lines
    }

    /// Reads an existing regular file's bytes, refusing directories and files above `maxBytes`.
    static func readBytes(_ path: WorkspacePath, maxBytes: Int) throws(ToolError) -> Data {
        switch FileSystemProbe.kind(ofPath: path.absolutePath, followingLinks: true) {
        case nil: throw ToolError.notFound("file '\(path)' does not exist")
        case .directory?: throw ToolError.invalidArguments("'\(path)' is a directory, not a file; use find to list it")
        case .other?: throw ToolError.invalidArguments("'\(path)' is not a regular file")
        case .file?, .symlink?: break
        }
        let size = FileSystemProbe.size(ofPath: path.absolutePath) ?? 0
        guard size <= maxBytes else {
            throw ToolError.failed("file '\(path)' is too large (\(size) bytes; the limit is \(maxBytes) bytes)")
        }
        do {
            return try Data(contentsOf: path.url)
        } catch {
            throw ToolError.failed("could not read '\(path)': \(error.localizedDescription)")
        }
    }

    /// Reads an existing text file, refusing binary files.
    static func readText(_ path: WorkspacePath, maxBytes: Int) throws(ToolError) -> String {
        let bytes = try readBytes(path, maxBytes: maxBytes)
        guard !looksBinary(bytes) else {
            throw ToolError.failed("'\(path)' looks like a binary file (\(bytes.count) bytes); only text files can be read")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `bytes` atomically (temporary file + rename), creating missing parent directories.
    static func write(_ bytes: Data, to path: WorkspacePath) throws(ToolError) {
        guard !path.isRoot else { throw ToolError.invalidArguments("'.' is the workspace directory, not a file") }
        if FileSystemProbe.kind(ofPath: path.absolutePath, followingLinks: true) == .directory {
            throw ToolError.invalidArguments("'\(path)' is a directory, not a file")
        }
        do {
            let parent = path.url.deletingLastPathComponent()
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try bytes.write(to: path.url, options: .atomic)
        } catch {
            throw ToolError.failed("could not write '\(path)': \(error.localizedDescription)")
        }
    }
}
