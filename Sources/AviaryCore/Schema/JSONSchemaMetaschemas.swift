/// The official metaschemas bundled with Aviary, parsed once on first use.
enum JSONSchemaMetaschemas {
    /// Every bundled metaschema, keyed by its URI (no trailing `#`).
    static let documents: [String: JSONValue] = {
        var documents: [String: JSONValue] = [:]
        for (uri, text) in draft2020_12Texts + draft7Texts {
            // The texts are fixed literals copied from the specification; they always parse.
            documents[uri] = (try? JSONValue(parsing: text)) ?? .bool(false)
        }
        return documents
    }()

    /// URIs of the bundled metaschemas.
    static var uris: [String] { (draft2020_12Texts + draft7Texts).map(\.uri) }
}
