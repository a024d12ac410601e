import Foundation

/// All schema resources, anchors and base URIs of the documents taking part in one compilation.
///
/// Documents are indexed eagerly when added (the root schema) or on first reference
/// (registry documents and bundled metaschemas).
struct SchemaIndex {
    let registry: JSONSchemaRegistry
    private(set) var documents: [JSONValue] = []
    private(set) var documentURIs: [String] = []
    private var resourceByURI: [String: Int] = [:]
    private var anchors: [String: SchemaLocation] = [:]
    private(set) var dynamicAnchors: [Int: [String: SchemaLocation]] = [:]
    private(set) var resourceLocations: [SchemaLocation] = []
    private var nodeInfo: [SchemaLocation: SchemaNodeInfo] = [:]

    init(registry: JSONSchemaRegistry) {
        self.registry = registry
    }

    /// Indexes a document. `forcedContext` ignores the root `$schema` and uses `context` as is.
    @discardableResult
    mutating func addDocument(_ root: JSONValue, uri: String, context: SchemaContext,
                              forcedContext: Bool = false) throws(JSONSchemaError) -> Int {
        let document = documents.count
        documents.append(root)
        documentURIs.append(uri)
        try walk(root, document: document, uri: uri, context: context, forcedContext: forcedContext)
        return document
    }

    /// The raw JSON at `location`, if it exists.
    func value(at location: SchemaLocation) -> JSONValue? {
        JSONPointer.resolve(location.path, in: documents[location.document])
    }

    /// Indexing facts for `location`, falling back to its nearest indexed ancestor.
    func info(for location: SchemaLocation) -> SchemaNodeInfo {
        if let info = nodeInfo[location] { return info }
        var probe = location
        while !probe.path.isEmpty {
            probe.path.removeLast()
            if let info = nodeInfo[probe] { return info }
        }
        return SchemaNodeInfo(base: documentURIs[location.document], resource: 0,
                              context: SchemaContext(dialect: .draft2020_12))
    }

    /// The location an absolute URI (with optional fragment) identifies, loading a registry
    /// document when needed. `context` is the dialect assumed for a document without `$schema`.
    mutating func resolve(_ uri: String, context: SchemaContext) throws(JSONSchemaError) -> SchemaLocation? {
        let (resourceURI, fragment) = URIReference.split(uri)
        if resourceByURI[resourceURI] == nil, anchors[uri] == nil, let document = registry.document(at: resourceURI) {
            try addDocument(document, uri: resourceURI, context: context)
        }
        if fragment.isEmpty || fragment.hasPrefix("/") || fragment.hasPrefix("%2F") || fragment.hasPrefix("%2f") {
            guard let resource = resourceByURI[resourceURI], let tokens = JSONPointer.tokens(fromFragment: fragment)
            else { return nil }
            let base = resourceLocations[resource]
            let target = SchemaLocation(document: base.document, path: base.path + tokens)
            return value(at: target) == nil ? nil : target
        }
        return anchors[resourceURI + "#" + (fragment.removingPercentEncoding ?? fragment)]
    }

    // MARK: Registration (used while walking documents)

    /// Records a schema resource rooted at `location`, identified by `uris` (first one wins on clashes).
    mutating func registerResource(at location: SchemaLocation, uris: [String]) -> Int {
        let resource = resourceLocations.count
        resourceLocations.append(location)
        for uri in uris where resourceByURI[uri] == nil { resourceByURI[uri] = resource }
        return resource
    }

    /// Records a plain-name anchor (`$anchor`, `$dynamicAnchor`, draft-07 `$id: "#name"`).
    mutating func registerAnchor(_ name: String, base: String, at location: SchemaLocation) {
        let key = base + "#" + name
        if anchors[key] == nil { anchors[key] = location }
    }

    /// Records a `$dynamicAnchor` of a resource, for `$dynamicRef` dynamic-scope lookups.
    mutating func registerDynamicAnchor(_ name: String, resource: Int, at location: SchemaLocation) {
        if dynamicAnchors[resource, default: [:]][name] == nil {
            dynamicAnchors[resource, default: [:]][name] = location
        }
    }

    /// Stores what is known about the subschema at `location`.
    mutating func record(_ info: SchemaNodeInfo, at location: SchemaLocation) {
        nodeInfo[location] = info
    }

    /// The dialect and vocabularies selected by a `$schema` value.
    func context(forMetaschema uri: String, depth: Int = 0) throws(JSONSchemaError) -> SchemaContext {
        if let dialect = JSONSchemaDialect(metaschemaURI: uri) { return SchemaContext(dialect: dialect) }
        let normalized = URIReference.normalized(uri)
        if JSONSchemaDialect.isKnownUnsupported(normalized) {
            throw .unknownDialect("unsupported JSON Schema dialect '\(uri)' (supported: draft 2020-12, draft-07)")
        }
        guard depth < 8, let metaschema = registry.document(at: normalized),
              case .object(let members) = metaschema else {
            throw .unknownDialect("unknown $schema '\(uri)': not a supported dialect (draft 2020-12, draft-07) "
                + "nor a metaschema in the registry")
        }
        var context = SchemaContext(dialect: .draft2020_12)
        if let parent = members["$schema"]?.stringValue, URIReference.normalized(parent) != normalized {
            context = try self.context(forMetaschema: parent, depth: depth + 1)
        }
        if context.dialect == .draft2020_12, case .object(let vocabularies)? = members["$vocabulary"] {
            var enabled: SchemaVocabularies = .core
            for (vocabulary, required) in vocabularies {
                if let flag = SchemaVocabularies.named(vocabulary) {
                    enabled.formUnion(flag)
                } else if required == .bool(true) {
                    throw .unknownDialect("metaschema '\(uri)' requires unsupported vocabulary '\(vocabulary)'")
                }
            }
            context.vocabularies = enabled
        }
        return context
    }
}
