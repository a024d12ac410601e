import AviaryCore
import Foundation

/// One thing to ingest: an inline document (`content`), a local file (`path`), or a web page
/// or file to fetch (`url`, http or https, fetched by the ingestor's ``DocumentFetcher``).
public struct IngestItem: Sendable, Hashable {
    /// Where the item comes from.
    public enum Origin: Sendable, Hashable {
        /// The text itself, with its content type (`text/markdown` by default).
        case inline(content: String, contentType: String?)
        /// A file on this machine.
        case file(path: String)
        /// A document to fetch over http or https.
        case url(URL)
    }

    /// What to read.
    public var origin: Origin
    /// The document's source, as results cite it: the file's path, the URL, or the name given to inline content.
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
        case .url(let url):
            o["url"] = .string(url.absoluteString)
        }
        return .object(o)
    }

    /// Reads an item of a job's input: `{content, content_type?, source?}`, `{path, source?}` or
    /// `{url, source?}` (the source defaults to the URL), with `metadata`. A URL must be an
    /// absolute http or https URL without user info; whether its host may be fetched is the
    /// fetcher's decision, when the item runs.
    public init(json: JSONValue, index: Int) throws(IngestError) {
        guard let o = json.objectValue else { throw IngestError("items[\(index)]: expected an object with content, path or url") }
        let metadata = o["metadata"] ?? .object([:])
        guard metadata.objectValue != nil else { throw IngestError("items[\(index)].metadata: expected an object") }
        if let raw = o["url"] {
            guard o["content"] == nil, o["path"] == nil else { throw IngestError("items[\(index)]: expected one of content, path and url") }
            guard let text = raw.stringValue, let url = URL(string: text) else { throw IngestError("items[\(index)].url: expected a URL") }
            do { _ = try FetchTarget(url) } catch { throw IngestError("items[\(index)].url: \(error.message)") }
            self.init(origin: .url(url), source: o["source"]?.stringValue ?? text, metadata: metadata)
        } else if let content = o["content"]?.stringValue {
            let source = o["source"]?.stringValue ?? "inline-\(index + 1)"
            self.init(origin: .inline(content: content, contentType: o["content_type"]?.stringValue), source: source, metadata: metadata)
        } else if let path = o["path"]?.stringValue {
            self.init(origin: .file(path: path), source: o["source"]?.stringValue ?? path, metadata: metadata)
        } else {
            throw IngestError("items[\(index)]: expected content (inline text), path (a local file) or url (a page to fetch)")
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
