/// The built-in functions (arguments already checked against the signatures).
extension JMESPathInterpreter {
    func call(_ function: JMESPathFunction, _ arguments: [JMESPathArgument]) throws(JMESPathError) -> JSONValue {
        let values = arguments.map { argument -> JSONValue in
            if case .value(let v) = argument { return v }
            return .null
        }
        switch function {
        case .abs: return .number(Swift.abs(values[0].numberValue ?? 0))
        case .ceil: return .number((values[0].numberValue ?? 0).rounded(.up))
        case .floor: return .number((values[0].numberValue ?? 0).rounded(.down))
        case .avg:
            let numbers = Self.numbers(values[0])
            return numbers.isEmpty ? .null : .number(numbers.reduce(0, +) / Double(numbers.count))
        case .sum: return .number(Self.numbers(values[0]).reduce(0, +))
        case .contains: return .bool(Self.contains(values[0], values[1]))
        case .startsWith:
            let (s, prefix) = (values[0].stringValue ?? "", values[1].stringValue ?? "")
            return .bool(s.unicodeScalars.starts(with: prefix.unicodeScalars))
        case .endsWith:
            let (s, suffix) = (values[0].stringValue ?? "", values[1].stringValue ?? "")
            return .bool(s.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed()))
        case .join:
            let separator = values[0].stringValue ?? ""
            return .string((values[1].arrayValue ?? []).compactMap(\.stringValue).joined(separator: separator))
        case .keys:
            return .array((values[0].objectValue ?? [:]).keys.sorted(by: JSONValue.codePointLess).map { .string($0) })
        case .values:
            return .array(Self.orderedValues(values[0].objectValue ?? [:]))
        case .length:
            switch values[0] {
            case .string(let s): return .number(Double(s.unicodeScalars.count))
            case .array(let a): return .number(Double(a.count))
            case .object(let o): return .number(Double(o.count))
            default: return .null
            }
        case .map:
            guard case .expression(let expression) = arguments[0] else { return .null }
            var results: [JSONValue] = []
            for element in values[1].arrayValue ?? [] { results.append(try evaluate(expression, element)) }
            return .array(results)
        case .max, .min:
            let elements = values[0].arrayValue ?? []
            guard var best = elements.first else { return .null }
            for element in elements.dropFirst() where Self.less(element, best) == (function == .min) && element != best {
                best = element
            }
            return best
        case .maxBy, .minBy:
            guard case .expression(let expression) = arguments[1] else { return .null }
            let keyed = try keyed(values[0].arrayValue ?? [], by: expression, in: function)
            guard var best = keyed.first else { return .null }
            for candidate in keyed.dropFirst() {
                let better = function == .minBy ? Self.less(candidate.key, best.key) : Self.less(best.key, candidate.key)
                if better { best = candidate }
            }
            return best.element
        case .sort:
            return .array((values[0].arrayValue ?? []).sorted(by: Self.less))
        case .sortBy:
            guard case .expression(let expression) = arguments[1] else { return .null }
            let keyed = try keyed(values[0].arrayValue ?? [], by: expression, in: function)
            // Stable: equal keys keep their order.
            let order = keyed.indices.sorted { a, b in
                if Self.less(keyed[a].key, keyed[b].key) { return true }
                if Self.less(keyed[b].key, keyed[a].key) { return false }
                return a < b
            }
            return .array(order.map { keyed[$0].element })
        case .merge:
            var merged: [String: JSONValue] = [:]
            for value in values { merged.merge(value.objectValue ?? [:]) { _, new in new } }
            return .object(merged)
        case .notNull:
            return values.first { !$0.isNull } ?? .null
        case .reverse:
            switch values[0] {
            case .string(let s):
                var reversed = String.UnicodeScalarView()
                reversed.append(contentsOf: s.unicodeScalars.reversed())
                return .string(String(reversed))
            case .array(let a): return .array(a.reversed())
            default: return .null
            }
        case .toArray:
            if case .array = values[0] { return values[0] }
            return .array([values[0]])
        case .toString:
            if case .string = values[0] { return values[0] }
            return .string(values[0].jsonString)
        case .toNumber:
            return Self.toNumber(values[0])
        case .type:
            return .string(values[0].jmesPathType)
        }
    }

    private static func numbers(_ value: JSONValue) -> [Double] { (value.arrayValue ?? []).compactMap(\.numberValue) }

    /// Order between two numbers or two strings (code point order); other pairs are unordered.
    static func less(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y
        case (.string(let x), .string(let y)): return JSONValue.codePointLess(x, y)
        default: return false
        }
    }

    private static func contains(_ subject: JSONValue, _ search: JSONValue) -> Bool {
        switch subject {
        case .array(let elements): return elements.contains(search)
        case .string(let s):
            guard case .string(let needle) = search else { return false }
            if needle.isEmpty { return true }
            return Array(s.unicodeScalars).firstRange(of: Array(needle.unicodeScalars)) != nil
        default: return false
        }
    }

    private static func toNumber(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number: return value
        case .string(let s):
            if case .number(let n)? = try? JSONValue(parsing: s) { return .number(n) }
            return .null
        default: return .null
        }
    }

    /// Each element with the key `expression` gives it; keys must be all numbers or all strings.
    private func keyed(_ elements: [JSONValue], by expression: JMESPathNode, in function: JMESPathFunction)
        throws(JMESPathError) -> [(element: JSONValue, key: JSONValue)]
    {
        var result: [(element: JSONValue, key: JSONValue)] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            let key = try evaluate(expression, element)
            switch key {
            case .number, .string:
                if let first = result.first?.key, first.jmesPathType != key.jmesPathType {
                    throw JMESPathError(.invalidType, "\(function.rawValue)() expression must give all numbers or all strings, got \(first.jmesPathType) and \(key.jmesPathType)")
                }
            default:
                throw JMESPathError(.invalidType, "\(function.rawValue)() expression must give a number or a string, got \(key.jmesPathType)")
            }
            result.append((element, key))
        }
        return result
    }
}
