/// Object keywords: properties (with patternProperties/additionalProperties), required,
/// dependencies, propertyNames, counts and unevaluatedProperties.
extension SchemaEvaluator {
    mutating func checkObject(_ keyword: SchemaKeyword, _ instance: JSONValue,
                              _ annotations: inout SchemaAnnotations, collect: Bool) -> Bool {
        guard case .object(let members) = instance else { return true }
        switch keyword {
        case .properties(let schemas):
            return checkProperties(schemas, members, &annotations, collect: collect)
        case .required(let names):
            var valid = true
            for name in names where members[name] == nil {
                valid = fail("required", "missing required property '\(name)'")
                if !reportsViolations { return false }
            }
            return valid
        case .dependentRequired(let dependencies):
            var valid = true
            for (property, required) in dependencies where members[property] != nil {
                for name in required where members[name] == nil {
                    valid = fail("dependentRequired", "property '\(property)' requires property '\(name)'")
                    if !reportsViolations { return false }
                }
            }
            return valid
        case .dependentSchemas(let dependencies):
            var valid = true
            for (property, schema) in dependencies where members[property] != nil {
                if !evaluate(schema, instance, &annotations, collect: collect) {
                    valid = false
                    if !reportsViolations { return false }
                }
            }
            return valid
        case .propertyNames(let schema):
            var valid = true
            for name in orderedKeys(members) {
                var scratch = SchemaAnnotations()
                guard !probe(schema, .string(name), &scratch, collect: false) else { continue }
                let reasons = reportsViolations && !isExplaining ? explain(schema, .string(name)) : []
                valid = fail("propertyNames", "invalid property name '\(name)'"
                    + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))"))
                if !reportsViolations { return false }
            }
            return valid
        case .maxProperties(let limit):
            return members.count <= limit || fail("maxProperties",
                "object must have at most \(Self.plural(limit, "property")), has \(members.count)")
        case .minProperties(let limit):
            return members.count >= limit || fail("minProperties",
                "object must have at least \(Self.plural(limit, "property")), has \(members.count)")
        case .unevaluatedProperties(let schema):
            var valid = true
            for name in orderedKeys(members) where !annotations.properties.contains(name) {
                if isFalse(schema) {
                    valid = fail("unevaluatedProperties", "property '\(name)' is not allowed") && valid
                } else if !evaluateChild(schema, members[name]!, at: .key(name)) {
                    valid = false
                }
                if !valid && !reportsViolations { return false }
            }
            if valid && collect { annotations.properties.formUnion(members.keys) }
            return valid
        default:
            return true
        }
    }

    private mutating func checkProperties(_ schemas: PropertySchemas, _ members: [String: JSONValue],
                                          _ annotations: inout SchemaAnnotations, collect: Bool) -> Bool {
        var valid = true
        if schemas.patterns.isEmpty && schemas.additional == nil && !reportsViolations {
            // Fast path: only `properties`; walk the (usually few) declared names.
            for (name, schema) in schemas.named {
                guard let value = members[name] else { continue }
                if !evaluateChild(schema, value, at: .key(name)) { return false }
                if collect { annotations.properties.insert(name) }
            }
            return true
        }
        for name in orderedKeys(members) {
            let value = members[name]!
            var matched = false
            if let schema = schemas.named[name] {
                matched = true
                if !evaluateChild(schema, value, at: .key(name)) { valid = false }
            }
            for (regex, schema) in schemas.patterns where regex.matches(name) {
                matched = true
                if !evaluateChild(schema, value, at: .key(name)) { valid = false }
            }
            if !matched, let additional = schemas.additional {
                matched = true
                if isFalse(additional) {
                    valid = fail("additionalProperties", "property '\(name)' is not allowed") && valid
                } else if !evaluateChild(additional, value, at: .key(name)) {
                    valid = false
                }
            }
            if !valid && !reportsViolations { return false }
            if matched && collect { annotations.properties.insert(name) }
        }
        return valid
    }

    /// Member names, sorted when reporting so violations come out in a stable order.
    private func orderedKeys(_ members: [String: JSONValue]) -> [String] {
        reportsViolations ? members.keys.sorted() : Array(members.keys)
    }
}
