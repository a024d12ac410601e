/// One compiled schema: a boolean schema, or keywords evaluated in order.
enum SchemaNode: Sendable {
    case boolean(Bool)
    /// `resource` identifies the schema resource (for the `$dynamicRef` dynamic scope);
    /// `tracksUnevaluated` is set when the keywords include `unevaluated*`.
    case keywords([SchemaKeyword], resource: Int, tracksUnevaluated: Bool)
}

/// A fully compiled, immutable schema ready for evaluation.
final class SchemaProgram: Sendable {
    let nodes: [SchemaNode]
    let root: Int
    /// `$dynamicAnchor` targets per schema resource: `resource → name → node`.
    let dynamicAnchors: [Int: [String: Int]]
    /// The dialect of the root schema.
    let dialect: JSONSchemaDialect

    init(nodes: [SchemaNode], root: Int, dynamicAnchors: [Int: [String: Int]], dialect: JSONSchemaDialect) {
        self.nodes = nodes
        self.root = root
        self.dynamicAnchors = dynamicAnchors
        self.dialect = dialect
    }
}
