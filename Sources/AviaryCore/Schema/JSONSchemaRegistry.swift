import Foundation

/// Schema documents that `$ref` / `$schema` may point at, keyed by absolute URI.
///
/// Nothing is ever fetched over the network: a reference resolves only to documents
/// registered here, to resources inside the schema being compiled, or to the bundled
/// official metaschemas (draft 2020-12 with its vocabulary metaschemas, and draft-07),
/// which every registry contains.
public struct JSONSchemaRegistry: Sendable {
    private var documents: [String: JSONValue]

    /// A registry holding only the bundled official metaschemas.
    public init() {
        documents = [:]
    }

    /// A registry holding `documents` (keyed by absolute URI) plus the bundled metaschemas.
    public init(documents: [String: JSONValue]) {
        self.documents = [:]
        for (uri, document) in documents { register(document, at: uri) }
    }

    /// Adds (or replaces) the document retrievable at `uri`.
    public mutating func register(_ document: JSONValue, at uri: String) {
        documents[URIReference.normalized(uri)] = document
    }

    /// Registers every `*.json` file below `directory`, each at `baseURI` followed by its
    /// path relative to `directory` (e.g. `http://localhost:1234/` + `nested/foo.json`).
    public mutating func registerDirectory(at directory: URL, baseURI: String) throws(JSONSchemaError) {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw .unreadableDocument("cannot read directory \(root)")
        }
        let prefix = baseURI.hasSuffix("/") ? baseURI : baseURI + "/"
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json") else { continue }
            let path = root + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadableDocument("cannot read \(path)")
            }
            do {
                register(try JSONValue(parsing: data), at: prefix + relative)
            } catch {
                throw .unreadableDocument("\(path): \(error)")
            }
        }
    }

    /// The document registered at `uri`, else the bundled metaschema with that URI, else `nil`.
    public func document(at uri: String) -> JSONValue? {
        let key = URIReference.normalized(uri)
        return documents[key] ?? JSONSchemaMetaschemas.documents[key]
    }

    /// URIs of the documents registered explicitly (bundled metaschemas not included).
    public var registeredURIs: [String] { documents.keys.sorted() }

    /// URIs of the bundled official metaschemas available in every registry.
    public static var bundledMetaschemaURIs: [String] { JSONSchemaMetaschemas.uris }
}
