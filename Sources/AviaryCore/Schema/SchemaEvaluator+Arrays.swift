/// Array keywords: items/prefixItems/additionalItems, contains, counts, uniqueness, unevaluatedItems.
extension SchemaEvaluator {
    mutating func checkArray(_ keyword: SchemaKeyword, _ instance: JSONValue,
                             _ annotations: inout SchemaAnnotations, collect: Bool) -> Bool {
        guard case .array(let elements) = instance else { return true }
        switch keyword {
        case .items(let prefix, let rest, let restKeyword):
            var valid = true
            for index in 0..<min(prefix.count, elements.count)
            where !evaluateChild(prefix[index], elements[index], at: .index(index)) {
                valid = false
                if !reportsViolations { return false }
            }
            if collect { annotations.itemPrefix = max(annotations.itemPrefix, min(prefix.count, elements.count)) }
            guard let rest else { return valid }
            if elements.count > prefix.count {
                if isFalse(rest) {
                    return fail(restKeyword, "array must have at most \(Self.plural(prefix.count, "item")), "
                        + "has \(elements.count)")
                }
                for index in prefix.count..<elements.count
                where !evaluateChild(rest, elements[index], at: .index(index)) {
                    valid = false
                    if !reportsViolations { return false }
                }
            }
            if collect { annotations.allItems = true }
            return valid
        case .contains(let schema, let minimum, let maximum):
            var matches = 0
            for (index, element) in elements.enumerated() {
                var scratch = SchemaAnnotations()
                guard probeChild(schema, element, index: index, &scratch) else { continue }
                matches += 1
                if collect { annotations.items.insert(index) }
                if !collect, maximum == nil, matches >= minimum { break }
            }
            if matches < minimum {
                let name = minimum == 1 ? "contains" : "minContains"
                return fail(name, "array must contain at least \(Self.plural(minimum, "item")) matching 'contains', "
                    + "found \(matches)")
            }
            if let maximum, matches > maximum {
                return fail("maxContains", "array must contain at most \(Self.plural(maximum, "item")) matching "
                    + "'contains', found \(matches)")
            }
            return true
        case .maxItems(let limit):
            return elements.count <= limit
                || fail("maxItems", "array must have at most \(Self.plural(limit, "item")), has \(elements.count)")
        case .minItems(let limit):
            return elements.count >= limit
                || fail("minItems", "array must have at least \(Self.plural(limit, "item")), has \(elements.count)")
        case .uniqueItems:
            guard let (first, second) = JSONEquality.firstDuplicate(in: elements) else { return true }
            return fail("uniqueItems", "array items must be unique, but items \(first) and \(second) are equal")
        case .unevaluatedItems(let schema):
            var valid = true
            for index in elements.indices where !annotations.isItemEvaluated(index) {
                if isFalse(schema) {
                    valid = fail("unevaluatedItems", "unevaluated item at index \(index) is not allowed") && valid
                } else if !evaluateChild(schema, elements[index], at: .index(index)) {
                    valid = false
                }
                if !valid && !reportsViolations { return false }
            }
            if valid && collect { annotations.allItems = true }
            return valid
        default:
            return true
        }
    }

    /// Evaluates an item silently (used by `contains`).
    private mutating func probeChild(_ node: Int, _ value: JSONValue, index: Int,
                                     _ annotations: inout SchemaAnnotations) -> Bool {
        let reporting = reportsViolations
        reportsViolations = false
        defer { reportsViolations = reporting }
        return evaluateChild(node, value, at: .index(index))
    }
}
