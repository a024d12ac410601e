/// Keywords that look at a single value: type, enum, const, numbers and strings.
extension SchemaEvaluator {
    mutating func checkValue(_ keyword: SchemaKeyword, _ instance: JSONValue) -> Bool {
        switch keyword {
        case .type(let types):
            return types.admits(instance) || fail("type", "expected \(types.readable), got \(instance.typeName)")
        case .const(let expected):
            return JSONEquality.equal(instance, expected) || fail("const", "value must be \(Self.show(expected))")
        case .enumeration(let options):
            for option in options where JSONEquality.equal(instance, option) { return true }
            return fail("enum", "value must be one of \(Self.showList(options))")
        case .pattern(let regex):
            guard case .string(let text) = instance else { return true }
            return regex.matches(text) || fail("pattern", "string does not match pattern '\(regex.source)'")
        case .maxLength(let limit):
            guard case .string(let text) = instance else { return true }
            return text.unicodeScalars.count <= limit
                || fail("maxLength", "string must be at most \(Self.plural(limit, "character")) long")
        case .minLength(let limit):
            guard case .string(let text) = instance else { return true }
            return text.unicodeScalars.count >= limit
                || fail("minLength", "string must be at least \(Self.plural(limit, "character")) long")
        default:
            return checkNumber(keyword, instance)
        }
    }

    private mutating func checkNumber(_ keyword: SchemaKeyword, _ instance: JSONValue) -> Bool {
        guard case .number(let value) = instance else { return true }
        switch keyword {
        case .maximum(let limit):
            return value <= limit || fail("maximum", "must be less than or equal to \(Self.show(limit))")
        case .exclusiveMaximum(let limit):
            return value < limit || fail("exclusiveMaximum", "must be less than \(Self.show(limit))")
        case .minimum(let limit):
            return value >= limit || fail("minimum", "must be greater than or equal to \(Self.show(limit))")
        case .exclusiveMinimum(let limit):
            return value > limit || fail("exclusiveMinimum", "must be greater than \(Self.show(limit))")
        case .multipleOf(let divisor):
            return Self.isMultiple(value, of: divisor)
                || fail("multipleOf", "must be a multiple of \(Self.show(divisor))")
        default:
            return true
        }
    }

    /// Whether `value / divisor` is an integer, tolerating binary floating-point error
    /// (`0.0075` is a multiple of `0.0001`). An overflowing quotient is decided by the exact remainder.
    static func isMultiple(_ value: Double, of divisor: Double) -> Bool {
        if divisor.rounded() == divisor, value.rounded() == value, abs(value) < 9.0e15, abs(divisor) < 9.0e15 {
            return Int64(value) % Int64(divisor) == 0
        }
        let quotient = value / divisor
        // On overflow fall back to the exact floating-point remainder.
        guard quotient.isFinite else { return value.truncatingRemainder(dividingBy: divisor) == 0 }
        let nearest = quotient.rounded()
        return abs(quotient - nearest) <= 1e-9 * max(1, abs(nearest))
    }

    static func show(_ value: JSONValue) -> String {
        let text = value.jsonString
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    static func show(_ number: Double) -> String { JSONValue.number(number).jsonString }

    static func showList(_ values: [JSONValue]) -> String {
        let shown = values.prefix(10).map { show($0) }.joined(separator: ", ")
        return values.count > 10 ? "[\(shown), ...]" : "[\(shown)]"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
