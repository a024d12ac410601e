/// Per-keyword compilation for both dialects.
extension SchemaCompiler {
    mutating func compileKeywords(into b: inout KeywordBuilder) throws(JSONSchemaError) {
        if b.isDraft7, let reference = b.members["$ref"] {
            // Draft-07: `$ref` replaces the whole schema; sibling keywords are ignored.
            guard case .string(let text) = reference else { throw invalid(b, "$ref", "must be a string") }
            b.keywords.append(.ref(try compileReference(text, from: b.location, info: b.info).node, keyword: "$ref"))
            return
        }
        if b.isDraft7 || b.context.has(.validation) { try compileValidation(into: &b) }
        if b.isDraft7 || b.context.has(.applicator) { try compileApplicators(into: &b) }
        if b.isDraft7 || b.context.has(.core) {
            if let reference = b.members["$ref"] {
                guard case .string(let text) = reference else { throw invalid(b, "$ref", "must be a string") }
                let node = try compileReference(text, from: b.location, info: b.info).node
                b.keywords.append(.ref(node, keyword: "$ref"))
            }
            if !b.isDraft7, let reference = b.members["$dynamicRef"] {
                guard case .string(let text) = reference else { throw invalid(b, "$dynamicRef", "must be a string") }
                b.keywords.append(try compileDynamicReference(text, from: b.location, info: b.info))
            }
        }
        if !b.isDraft7 && b.context.has(.unevaluated) {
            if let node = try subschema(b, "unevaluatedItems") { b.keywords.append(.unevaluatedItems(node)) }
            if let node = try subschema(b, "unevaluatedProperties") { b.keywords.append(.unevaluatedProperties(node)) }
        }
    }

    private mutating func compileValidation(into b: inout KeywordBuilder) throws(JSONSchemaError) {
        let m = b.members
        if let type = m["type"] { b.keywords.append(.type(try types(b, type))) }
        if let value = m["const"] { b.keywords.append(.const(value)) }
        if let value = m["enum"] {
            guard case .array(let options) = value else { throw invalid(b, "enum", "must be an array") }
            b.keywords.append(.enumeration(options))
        }
        if let value = try number(b, "multipleOf") {
            guard value > 0 else { throw invalid(b, "multipleOf", "must be greater than 0") }
            b.keywords.append(.multipleOf(value))
        }
        if let value = try number(b, "maximum") { b.keywords.append(.maximum(value)) }
        if let value = try number(b, "exclusiveMaximum") { b.keywords.append(.exclusiveMaximum(value)) }
        if let value = try number(b, "minimum") { b.keywords.append(.minimum(value)) }
        if let value = try number(b, "exclusiveMinimum") { b.keywords.append(.exclusiveMinimum(value)) }
        if let value = try count(b, "maxLength") { b.keywords.append(.maxLength(value)) }
        if let value = try count(b, "minLength") { b.keywords.append(.minLength(value)) }
        if let value = m["pattern"] {
            guard case .string(let source) = value else { throw invalid(b, "pattern", "must be a string") }
            b.keywords.append(.pattern(try regex(b, "pattern", source)))
        }
        if let value = try count(b, "maxItems") { b.keywords.append(.maxItems(value)) }
        if let value = try count(b, "minItems") { b.keywords.append(.minItems(value)) }
        if let value = m["uniqueItems"] {
            guard case .bool(let unique) = value else { throw invalid(b, "uniqueItems", "must be a boolean") }
            if unique { b.keywords.append(.uniqueItems) }
        }
        if let value = try count(b, "maxProperties") { b.keywords.append(.maxProperties(value)) }
        if let value = try count(b, "minProperties") { b.keywords.append(.minProperties(value)) }
        if let value = m["required"] { b.keywords.append(.required(try strings(b, "required", value))) }
        if !b.isDraft7, case .object(let entries)? = m["dependentRequired"] {
            var pairs: [(property: String, required: [String])] = []
            for (property, names) in entries.sorted(by: { $0.key < $1.key }) {
                pairs.append((property, try strings(b, "dependentRequired", names)))
            }
            b.keywords.append(.dependentRequired(pairs))
        }
    }

    private mutating func compileApplicators(into b: inout KeywordBuilder) throws(JSONSchemaError) {
        let m = b.members
        var properties = PropertySchemas()
        if case .object(let entries)? = m["properties"] {
            for name in entries.keys { properties.named[name] = try compile(b.location.appending("properties", name)) }
        } else if m["properties"] != nil {
            throw invalid(b, "properties", "must be an object")
        }
        if case .object(let entries)? = m["patternProperties"] {
            for (source, _) in entries.sorted(by: { $0.key < $1.key }) {
                let node = try compile(b.location.appending("patternProperties", source))
                properties.patterns.append((try regex(b, "patternProperties", source), node))
            }
        } else if m["patternProperties"] != nil {
            throw invalid(b, "patternProperties", "must be an object")
        }
        properties.additional = try subschema(b, "additionalProperties")
        if !properties.named.isEmpty || !properties.patterns.isEmpty || properties.additional != nil {
            b.keywords.append(.properties(properties))
        }
        if let node = try subschema(b, "propertyNames") { b.keywords.append(.propertyNames(node)) }
        try compileDependencies(into: &b)
        try compileItems(into: &b)
        if let node = try subschema(b, "contains") {
            var minimum = 1
            var maximum: Int?
            if !b.isDraft7 && b.context.has(.validation) {
                minimum = try count(b, "minContains") ?? 1
                maximum = try count(b, "maxContains")
            }
            b.keywords.append(.contains(node, min: minimum, max: maximum))
        }
        if let nodes = try schemaArray(b, "allOf") { b.keywords.append(.allOf(nodes)) }
        if let nodes = try schemaArray(b, "anyOf") { b.keywords.append(.anyOf(nodes)) }
        if let nodes = try schemaArray(b, "oneOf") { b.keywords.append(.oneOf(nodes)) }
        if let node = try subschema(b, "not") { b.keywords.append(.not(node)) }
        if let condition = try subschema(b, "if") {
            let then = try subschema(b, "then")
            let otherwise = try subschema(b, "else")
            // Even alone, `if` matters: its annotations are visible to `unevaluated*`.
            b.keywords.append(.conditional(if: condition, then: then, else: otherwise))
        }
    }

    private mutating func compileDependencies(into b: inout KeywordBuilder) throws(JSONSchemaError) {
        try compileDependencies(b.isDraft7 ? "dependencies" : "dependentSchemas", into: &b)
        // Draft 2020-12 split `dependencies`; the old keyword is still honoured for compatibility.
        if !b.isDraft7 { try compileDependencies("dependencies", into: &b) }
    }

    private mutating func compileDependencies(_ keyword: String, into b: inout KeywordBuilder) throws(JSONSchemaError) {
        guard let value = b.members[keyword] else { return }
        guard case .object(let entries) = value else { throw invalid(b, keyword, "must be an object") }
        var schemas: [(property: String, schema: Int)] = []
        var required: [(property: String, required: [String])] = []
        for (property, dependency) in entries.sorted(by: { $0.key < $1.key }) {
            if keyword == "dependencies", case .array = dependency {
                required.append((property, try strings(b, keyword, dependency)))
            } else {
                schemas.append((property, try compile(b.location.appending(keyword, property))))
            }
        }
        if !required.isEmpty { b.keywords.append(.dependentRequired(required)) }
        if !schemas.isEmpty { b.keywords.append(.dependentSchemas(schemas)) }
    }

    private mutating func compileItems(into b: inout KeywordBuilder) throws(JSONSchemaError) {
        if b.isDraft7 {
            switch b.members["items"] {
            case .array?:
                let prefix = try schemaArray(b, "items", allowEmpty: true) ?? []
                let rest = try subschema(b, "additionalItems")
                b.keywords.append(.items(prefix: prefix, rest: rest, restKeyword: "additionalItems"))
            case .some:
                b.keywords.append(.items(prefix: [], rest: try subschema(b, "items"), restKeyword: "items"))
            case nil:
                break
            }
            return
        }
        let prefix = try schemaArray(b, "prefixItems") ?? []
        if case .array? = b.members["items"] {
            throw invalid(b, "items", "must be a schema in draft 2020-12 (use prefixItems for tuples)")
        }
        let rest = try subschema(b, "items")
        if !prefix.isEmpty || rest != nil {
            b.keywords.append(.items(prefix: prefix, rest: rest, restKeyword: "items"))
        }
    }
}
