import AviaryCore
import Foundation

/// One thing to ingest: an inline document (`content`), or a local file (`path`). URLs are
/// refused until fetching is in (it must be SSRF-safe first).
public struct IngestItem: Sendable, Hashable {
    /// Where the item comes from.
    public enum Origin: Sendable, Hashable {
        /// The text itself, with its content type (`text/markdown` by default).
        case inline(content: String, contentType: String?)
        /// A file on this machine.
        case file(path: String)
    }

    /// What to read.
    public var origin: Origin
    /// The document's source, as results cite it: the file's path, or the name given to inline content.
    public var source: String
    /// Metadata every chunk of the document carries.
    public var metadata: JSONValue

    /// Creates an item.
    public init(origin: Origin, source: String, metadata: JSONValue = .object([:])) {
        self.origin = origin
        self.source = source
        self.metadata = metadata
    }

    /// The item as a job records it.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["source": .string(source), "metadata": metadata]
        switch origin {
        case .inline(let content, let type):
            o["content"] = .string(content)
            if let type { o["content_type"] = .string(type) }
        case .file(let path):
            o["path"] = .string(path)
        }
        return .object(o)
    }

    /// Reads an item of a job's input: `{content, content_type?, source?}`, `{path, source?}`, with `metadata`.
    public init(json: JSONValue, index: Int) throws(IngestError) {
        guard let o = json.objectValue else { throw IngestError("items[\(index)]: expected an object with content or path") }
        let metadata = o["metadata"] ?? .object([:])
        guard metadata.objectValue != nil else { throw IngestError("items[\(index)].metadata: expected an object") }
        if o["url"] != nil {
            throw IngestError("items[\(index)].url: fetching URLs is not supported yet; pass the page as content (with content_type text/html) or as a file")
        }
        if let content = o["content"]?.stringValue {
            let source = o["source"]?.stringValue ?? "inline-\(index + 1)"
            self.init(origin: .inline(content: content, contentType: o["content_type"]?.stringValue), source: source, metadata: metadata)
        } else if let path = o["path"]?.stringValue {
            self.init(origin: .file(path: path), source: o["source"]?.stringValue ?? path, metadata: metadata)
        } else {
            throw IngestError("items[\(index)]: expected content (inline text) or path (a local file)")
        }
    }
}

/// A refused ingestion request or item, with what to fix.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
