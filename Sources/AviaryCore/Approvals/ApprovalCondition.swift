import Foundation

/// A condition over a tool call's arguments that decides whether the call needs approval: a
/// small subset of JMESPath comparisons, joined by `&&` or `||` (`&&` binds tighter).
///
/// ```text
/// amount > `100`
/// currency == 'EUR' && amount >= `1000`
/// customer.tier != 'gold' || refund.full == `true`
/// ```
///
/// The left side is a field path into the arguments (`a.b.c`); the right side a JSON literal in
/// backticks (`` `100` ``, `` `"x"` ``, `` `true` ``, `` `null` ``) or a raw string in single
/// quotes. `==` and `!=` compare any JSON values; `<`, `<=`, `>`, `>=` compare numbers only and are
/// false otherwise (as in JMESPath). A missing field is `null`.
public struct ApprovalCondition: Sendable, Hashable, CustomStringConvertible {
    /// A comparison operator.
    public enum Operator: String, Sendable, Hashable, CaseIterable { case eq = "==", ne = "!=", le = "<=", ge = ">=", lt = "<", gt = ">" }

    /// One comparison: `path op literal`.
    public struct Comparison: Sendable, Hashable {
        /// The field path into the arguments.
        public var path: [String]
        /// The operator.
        public var op: Operator
        /// The literal compared with.
        public var literal: JSONValue
    }

    /// Alternatives (`||`) of conjunctions (`&&`).
    public let alternatives: [[Comparison]]
    /// The condition as written.
    public let description: String

    /// Parses a condition; the error says what is wrong and where.
    public init(_ text: String) throws(ApprovalConditionError) {
        description = text
        var alternatives: [[Comparison]] = []
        for alternative in Self.split(text, on: "||") {
            var all: [Comparison] = []
            for part in Self.split(alternative, on: "&&") { all.append(try Self.comparison(part, in: text)) }
            alternatives.append(all)
        }
        self.alternatives = alternatives
    }

    /// Whether the arguments satisfy the condition.
    public func matches(_ arguments: JSONValue) -> Bool {
        alternatives.contains { all in all.allSatisfy { Self.holds($0, arguments) } }
    }

    private static func holds(_ c: Comparison, _ arguments: JSONValue) -> Bool {
        var value = arguments
        for key in c.path { value = value[key] ?? .null }
        switch c.op {
        case .eq: return value == c.literal
        case .ne: return value != c.literal
        case .lt, .le, .gt, .ge:
            guard let a = value.numberValue, let b = c.literal.numberValue else { return false }
            switch c.op {
            case .lt: return a < b
            case .le: return a <= b
            case .gt: return a > b
            default: return a >= b
            }
        }
    }

    /// Splits on a separator outside backticks and quotes.
    private static func split(_ text: String, on separator: String) -> [String] {
        var parts: [String] = [], current = "", quote: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
            } else if c == "`" || c == "'" {
                quote = c
                current.append(c)
            } else if text[i...].hasPrefix(separator) {
                parts.append(current)
                current = ""
                i = text.index(i, offsetBy: separator.count)
                continue
            } else {
                current.append(c)
            }
            i = text.index(after: i)
        }
        parts.append(current)
        return parts
    }

    private static func comparison(_ raw: String, in whole: String) throws(ApprovalConditionError) -> Comparison {
        let part = raw.trimmingCharacters(in: .whitespaces)
        guard let (op, range) = firstOperator(in: part) else {
            throw ApprovalConditionError("'\(part)' in '\(whole)' has no comparison; expected e.g. amount > `100`")
        }
        let left = part[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let right = part[range.upperBound...].trimmingCharacters(in: .whitespaces)
        let path = left.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !left.isEmpty, path.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else {
            throw ApprovalConditionError("'\(left)' in '\(whole)' is not a field path (letters, digits, '_', joined by '.')")
        }
        let literal: JSONValue
        if right.count >= 2, right.hasPrefix("`"), right.hasSuffix("`") {
            do { literal = try JSONValue(parsing: String(right.dropFirst().dropLast())) } catch {
                throw ApprovalConditionError("`…` in '\(whole)' must hold a JSON value, got \(right)")
            }
        } else if right.count >= 2, right.hasPrefix("'"), right.hasSuffix("'") {
            literal = .string(String(right.dropFirst().dropLast()))
        } else {
            throw ApprovalConditionError("'\(right)' in '\(whole)' must be a JSON literal in backticks (`100`) or a 'string'")
        }
        return Comparison(path: path, op: op, literal: literal)
    }

    private static func firstOperator(in text: String) -> (Operator, Range<String.Index>)? {
        var quote: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote { if c == q { quote = nil } } else if c == "`" || c == "'" { quote = c } else {
                // two-character operators first
                for op in [Operator.eq, .ne, .le, .ge, .lt, .gt] where text[i...].hasPrefix(op.rawValue) {
                    return (op, i..<text.index(i, offsetBy: op.rawValue.count))
                }
            }
            i = text.index(after: i)
        }
        return nil
    }
}

/// A condition that does not parse.
public struct ApprovalConditionError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    init(_ description: String) { self.description = description }
}
