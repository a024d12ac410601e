/// In-place applicators: allOf, anyOf, oneOf, not, if/then/else.
extension SchemaEvaluator {
    mutating func checkApplicator(_ keyword: SchemaKeyword, _ instance: JSONValue,
                                  _ annotations: inout SchemaAnnotations, collect: Bool) -> Bool {
        switch keyword {
        case .allOf(let schemas):
            var valid = true
            for schema in schemas where !evaluate(schema, instance, &annotations, collect: collect) {
                valid = false
                if !reportsViolations { return false }
            }
            return valid
        case .anyOf(let schemas):
            var valid = false
            for schema in schemas {
                var local = SchemaAnnotations()
                if probe(schema, instance, &local, collect: collect) {
                    valid = true
                    guard collect else { break }
                    annotations.merge(local)
                }
            }
            if valid || !reportsViolations { return valid }
            let reasons = explainBranches(schemas, instance)
            return fail("anyOf", "value does not match any of the \(schemas.count) anyOf schemas" + reasons)
        case .oneOf(let schemas):
            var matching: [Int] = []
            var matched = SchemaAnnotations()
            for (offset, schema) in schemas.enumerated() {
                var local = SchemaAnnotations()
                guard probe(schema, instance, &local, collect: collect) else { continue }
                matching.append(offset)
                if matching.count == 1 { matched = local } else if !reportsViolations { return false }
            }
            if matching.count == 1 {
                if collect { annotations.merge(matched) }
                return true
            }
            if matching.isEmpty {
                let reasons = explainBranches(schemas, instance)
                return fail("oneOf", "value does not match any of the \(schemas.count) oneOf schemas" + reasons)
            }
            let listed = matching.map(String.init).joined(separator: ", ")
            return fail("oneOf", "value matches more than one oneOf schema (indexes \(listed))")
        case .not(let schema):
            var scratch = SchemaAnnotations()
            return !probe(schema, instance, &scratch, collect: false)
                || fail("not", "value must not match the 'not' schema")
        case .conditional(let condition, let then, let otherwise):
            if then == nil && otherwise == nil && !collect { return true }
            var local = SchemaAnnotations()
            if probe(condition, instance, &local, collect: collect) {
                if collect { annotations.merge(local) }
                guard let then else { return true }
                return evaluate(then, instance, &annotations, collect: collect)
            }
            guard let otherwise else { return true }
            return evaluate(otherwise, instance, &annotations, collect: collect)
        default:
            return true
        }
    }

    /// ` (option 1: expected string; option 2: expected null)` – the first problem of each branch.
    private mutating func explainBranches(_ schemas: [Int], _ instance: JSONValue) -> String {
        guard schemas.count <= 8, !isExplaining else { return "" }
        var parts: [String] = []
        let prefix = instancePath.isEmpty ? "" : instancePath + ": "
        for (offset, schema) in schemas.enumerated() {
            guard var first = explain(schema, instance).first else { continue }
            if !prefix.isEmpty, first.hasPrefix(prefix) { first.removeFirst(prefix.count) }
            parts.append("option \(offset + 1): \(first)")
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}
