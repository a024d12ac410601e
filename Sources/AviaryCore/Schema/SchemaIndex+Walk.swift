/// Discovery of subschemas, `$id`s, anchors and `$schema` switches in one document.
extension SchemaIndex {
    private static let singleSchemaKeywords2020: Set<String> = [
        "additionalProperties", "propertyNames", "contains", "items", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties",
    ]
    private static let schemaArrayKeywords2020: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf"]
    private static let schemaMapKeywords2020: Set<String> = [
        "$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies",
    ]
    private static let singleSchemaKeywords7: Set<String> = [
        "additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else", "items",
    ]
    private static let schemaArrayKeywords7: Set<String> = ["allOf", "anyOf", "oneOf", "items"]
    private static let schemaMapKeywords7: Set<String> = ["definitions", "properties", "patternProperties",
                                                          "dependencies"]

    /// A subschema still to visit, with the scope inherited from its parent.
    private struct Visit {
        var value: JSONValue
        var path: [String]
        var base: String
        var resource: Int
        var context: SchemaContext
    }

    /// Visits every subschema of a document (iteratively, so nesting depth cannot exhaust the stack).
    mutating func walk(_ root: JSONValue, document: Int, uri: String, context: SchemaContext,
                       forcedContext: Bool) throws(JSONSchemaError) {
        var stack = [Visit(value: root, path: [], base: uri, resource: -1, context: context)]
        while let visit = stack.popLast() {
            let location = SchemaLocation(document: document, path: visit.path)
            let isRoot = visit.resource < 0
            guard case .object(let members) = visit.value else {
                if case .bool = visit.value {
                    let resource = isRoot ? registerResource(at: location, uris: [uri]) : visit.resource
                    record(SchemaNodeInfo(base: visit.base, resource: resource, context: visit.context), at: location)
                }
                continue
            }
            var context = visit.context
            if let metaschema = members["$schema"]?.stringValue, isRoot || members["$id"] != nil,
               !(isRoot && forcedContext) {
                context = try self.context(forMetaschema: metaschema)
            }
            var base = visit.base
            var resourceURIs = isRoot ? [uri] : []
            if let id = members["$id"]?.stringValue, context.dialect == .draft2020_12 || members["$ref"] == nil {
                // Draft-07 ignores every sibling of `$ref`, `$id` included.
                let (resolved, fragment) = URIReference.split(URIReference.resolve(id, against: base))
                if context.dialect == .draft7 && id.hasPrefix("#") {
                    if !fragment.isEmpty { registerAnchor(fragment, base: base, at: location) }
                } else {
                    base = resolved
                    resourceURIs.insert(resolved, at: 0)
                    if context.dialect == .draft7 && !fragment.isEmpty {
                        registerAnchor(fragment, base: base, at: location)
                    }
                }
            }
            let resource = resourceURIs.isEmpty ? visit.resource : registerResource(at: location, uris: resourceURIs)
            record(SchemaNodeInfo(base: base, resource: resource, context: context), at: location)
            if context.dialect == .draft2020_12 {
                if let anchor = members["$anchor"]?.stringValue { registerAnchor(anchor, base: base, at: location) }
                if let anchor = members["$dynamicAnchor"]?.stringValue {
                    registerAnchor(anchor, base: base, at: location)
                    registerDynamicAnchor(anchor, resource: resource, at: location)
                }
            }
            let draft7 = context.dialect == .draft7
            let singles = draft7 ? Self.singleSchemaKeywords7 : Self.singleSchemaKeywords2020
            let arrays = draft7 ? Self.schemaArrayKeywords7 : Self.schemaArrayKeywords2020
            let maps = draft7 ? Self.schemaMapKeywords7 : Self.schemaMapKeywords2020
            func push(_ child: JSONValue, _ tokens: String...) {
                stack.append(Visit(value: child, path: visit.path + tokens, base: base, resource: resource,
                                   context: context))
            }
            for (keyword, child) in members {
                if singles.contains(keyword), child.isSchemaShaped { push(child, keyword) }
                if arrays.contains(keyword), case .array(let elements) = child {
                    for (offset, element) in elements.enumerated() { push(element, keyword, String(offset)) }
                }
                if maps.contains(keyword), case .object(let entries) = child {
                    for (name, element) in entries { push(element, keyword, name) }
                }
            }
        }
    }
}

extension JSONValue {
    /// Objects and booleans are the two JSON shapes a schema can take.
    var isSchemaShaped: Bool {
        switch self {
        case .object, .bool: return true
        default: return false
        }
    }
}
