/// A compiled JSON Schema (draft 2020-12 or draft-07) that validates ``JSONValue`` instances.
///
/// Compilation resolves every reachable `$ref`, `$dynamicRef` and `$schema` up front, so
/// problems surface as a thrown ``JSONSchemaError`` rather than during validation, and
/// validation itself does no URI or pointer work.
///
/// ```swift
/// let schema = try JSONSchema(["type": "object", "required": ["city"]])
/// schema.validate(["town": "Oslo"])  // [missing required property 'city']
/// ```
///
/// Notes on semantics:
/// - `format` is an annotation only and is never asserted.
/// - `pattern` / `patternProperties` use `NSRegularExpression` (ICU), which is close to,
///   but not exactly, ECMA-262.
/// - References resolve only within the schema, the ``JSONSchemaRegistry`` and the bundled
///   official metaschemas; nothing is fetched over the network.
public struct JSONSchema: Sendable {
    private let program: SchemaProgram

    /// The dialect used for the root schema.
    public var dialect: JSONSchemaDialect { program.dialect }

    /// Compiles `schema`.
    ///
    /// - Parameters:
    ///   - schema: The schema document (an object or a boolean).
    ///   - dialect: Forces the root dialect. When `nil`, the dialect comes from `$schema`
    ///     (an official metaschema URI or a custom metaschema in `registry`) and defaults to
    ///     draft 2020-12 when `$schema` is absent.
    ///   - registry: Documents that references may point at, by absolute URI.
    /// - Throws: ``JSONSchemaError`` for malformed schemas, unknown or unsupported `$schema`
    ///   values and references that cannot be resolved.
    public init(_ schema: JSONValue, dialect: JSONSchemaDialect? = nil,
                registry: JSONSchemaRegistry = .init()) throws(JSONSchemaError) {
        var index = SchemaIndex(registry: registry)
        let context = SchemaContext(dialect: dialect ?? .draft2020_12)
        let document = try index.addDocument(schema, uri: "", context: context, forcedContext: dialect != nil)
        var compiler = SchemaCompiler(index: index)
        program = try compiler.compileProgram(root: SchemaLocation(document: document, path: []))
    }

    /// Compiles a schema given as JSON text.
    ///
    /// - Throws: ``JSONSchemaError`` when the text is not valid JSON or the schema is invalid.
    public init(parsing text: String, dialect: JSONSchemaDialect? = nil,
                registry: JSONSchemaRegistry = .init()) throws(JSONSchemaError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw .invalidSchema("not valid JSON: \(error)", at: "")
        }
        try self.init(value, dialect: dialect, registry: registry)
    }

    /// Validates `instance`, returning every violation found (empty when the instance is valid).
    public func validate(_ instance: JSONValue) -> [JSONSchemaViolation] {
        if isValid(instance) { return [] }
        var evaluator = SchemaEvaluator(program: program, reportsViolations: true)
        _ = evaluator.run(instance)
        return evaluator.violations
    }

    /// Whether `instance` is valid. Faster than ``validate(_:)``: stops at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = SchemaEvaluator(program: program, reportsViolations: false)
        return evaluator.run(instance)
    }
}
