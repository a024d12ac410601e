/// A JSON Schema specification version understood by ``JSONSchema``.
public enum JSONSchemaDialect: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// JSON Schema draft 2020-12 (the default when a schema has no `$schema`).
    case draft2020_12
    /// JSON Schema draft-07.
    case draft7

    /// The canonical metaschema URI used as the `$schema` value for this dialect.
    public var metaschemaURI: String {
        switch self {
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        case .draft7: return "http://json-schema.org/draft-07/schema#"
        }
    }

    /// Recognises the official metaschema URI of a supported dialect.
    ///
    /// An empty fragment (`#`) and the `http`/`https` scheme are both tolerated;
    /// any other URI yields `nil`.
    public init?(metaschemaURI: String) {
        var uri = metaschemaURI
        if uri.hasSuffix("#") { uri.removeLast() }
        if uri.hasPrefix("http://") { uri.removeFirst("http://".count) } else if uri.hasPrefix("https://") {
            uri.removeFirst("https://".count)
        } else {
            return nil
        }
        switch uri {
        case "json-schema.org/draft/2020-12/schema": self = .draft2020_12
        case "json-schema.org/draft-07/schema": self = .draft7
        default: return nil
        }
    }

    /// A short human-readable name such as `draft 2020-12`.
    public var description: String {
        switch self {
        case .draft2020_12: return "draft 2020-12"
        case .draft7: return "draft-07"
        }
    }

    /// Official metaschema URIs of dialects this implementation knows but does not support.
    static func isKnownUnsupported(_ uri: String) -> Bool {
        let markers = ["json-schema.org/draft-03/", "json-schema.org/draft-04/", "json-schema.org/draft-06/",
                       "json-schema.org/draft/2019-09/", "json-schema.org/draft/next/", "json-schema.org/schema"]
        return markers.contains { uri.contains($0) }
    }
}
