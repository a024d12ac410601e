/// `properties`, `patternProperties` and `additionalProperties` of one schema, evaluated together.
struct PropertySchemas: Sendable {
    var named: [String: Int] = [:]
    var patterns: [(regex: SchemaRegex, schema: Int)] = []
    var additional: Int?
}

/// One compiled keyword; `Int` payloads are indexes into ``SchemaProgram/nodes``.
enum SchemaKeyword: Sendable {
    case ref(Int, keyword: String)
    case dynamicRef(initial: Int, anchor: String?)
    case type(SchemaTypes)
    case enumeration([JSONValue])
    case const(JSONValue)
    case multipleOf(Double)
    case maximum(Double)
    case exclusiveMaximum(Double)
    case minimum(Double)
    case exclusiveMinimum(Double)
    case maxLength(Int)
    case minLength(Int)
    case pattern(SchemaRegex)
    case items(prefix: [Int], rest: Int?, restKeyword: String)
    case contains(Int, min: Int, max: Int?)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case properties(PropertySchemas)
    case required([String])
    case dependentRequired([(property: String, required: [String])])
    case dependentSchemas([(property: String, schema: Int)])
    case propertyNames(Int)
    case maxProperties(Int)
    case minProperties(Int)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)
}
