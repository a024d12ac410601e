import Foundation

/// A JSON value whose strings may hold `{{ expression }}` placeholders, each a JMESPath expression
/// over a context document (a workflow node's `input`, an approval's `summary`).
///
/// A string that is one placeholder and nothing else takes the expression's value with its type
/// (`"{{ input.items }}"` is the array); a placeholder inside other text is replaced by the value
/// as text (strings verbatim, `null` as nothing, anything else as compact JSON). Objects and arrays
/// are rendered member by member. Expressions are compiled once, when the template is made.
/// A placeholder ends at the first `}}`: write a hash that ends in `}}` with a space (`} }`).
public struct ValueTemplate: Sendable {
    private indirect enum Part: Sendable {
        case literal(JSONValue)
        case whole(JMESPath)
        case text([Piece])
        case array([Part])
        case object([(String, Part)])
    }

    private enum Piece: Sendable {
        case literal(String)
        case expression(JMESPath)
    }

    private let root: Part
    /// The template as written.
    public let source: JSONValue

    /// Compiles the placeholders of `value`; throws for an unclosed `{{` or an expression that
    /// does not parse, naming it.
    public init(_ value: JSONValue) throws(ValueTemplateError) {
        source = value
        root = try Self.compile(value)
    }

    /// The compiled expressions, in document order.
    public var expressions: [JMESPath] {
        var found: [JMESPath] = []
        Self.walk(root, &found)
        return found
    }

    /// The value with every placeholder evaluated against `context`.
    public func render(_ context: JSONValue) throws(ValueTemplateError) -> JSONValue {
        try Self.render(root, context)
    }

    private static func compile(_ value: JSONValue) throws(ValueTemplateError) -> Part {
        switch value {
        case .string(let s):
            guard s.contains("{{") else { return .literal(value) }
            let pieces = try pieces(of: s)
            if pieces.count == 1, case .expression(let e) = pieces[0] { return .whole(e) }
            return .text(pieces)
        case .array(let items):
            var parts: [Part] = []
            for item in items { parts.append(try compile(item)) }
            return parts.allSatisfy { if case .literal = $0 { true } else { false } } ? .literal(value) : .array(parts)
        case .object(let fields):
            var parts: [(String, Part)] = []
            for (key, item) in fields.sorted(by: { $0.key < $1.key }) { parts.append((key, try compile(item))) }
            return parts.allSatisfy { if case .literal = $0.1 { true } else { false } } ? .literal(value) : .object(parts)
        default:
            return .literal(value)
        }
    }

    private static func pieces(of text: String) throws(ValueTemplateError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw ValueTemplateError(expression: String(rest[open.lowerBound...]), message: "unclosed '{{'")
            }
            let source = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !source.isEmpty else { throw ValueTemplateError(expression: "{{}}", message: "empty placeholder") }
            do { pieces.append(.expression(try JMESPath(source))) } catch {
                throw ValueTemplateError(expression: source, message: error.description)
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }

    private static func render(_ part: Part, _ context: JSONValue) throws(ValueTemplateError) -> JSONValue {
        switch part {
        case .literal(let v): return v
        case .whole(let e): return try evaluate(e, context)
        case .text(let pieces):
            var out = ""
            for piece in pieces {
                switch piece {
                case .literal(let s): out += s
                case .expression(let e):
                    switch try evaluate(e, context) {
                    case .string(let s): out += s
                    case .null: break
                    case let other: out += other.jsonString
                    }
                }
            }
            return .string(out)
        case .array(let parts):
            var items: [JSONValue] = []
            items.reserveCapacity(parts.count)
            for p in parts { items.append(try render(p, context)) }
            return .array(items)
        case .object(let parts):
            var fields = [String: JSONValue](minimumCapacity: parts.count)
            for (key, p) in parts { fields[key] = try render(p, context) }
            return .object(fields)
        }
    }

    private static func evaluate(_ expression: JMESPath, _ context: JSONValue) throws(ValueTemplateError) -> JSONValue {
        do { return try expression.search(context) } catch {
            throw ValueTemplateError(expression: expression.expression, message: error.description)
        }
    }

    private static func walk(_ part: Part, _ found: inout [JMESPath]) {
        switch part {
        case .literal: break
        case .whole(let e): found.append(e)
        case .text(let pieces): for case .expression(let e) in pieces { found.append(e) }
        case .array(let parts): for p in parts { walk(p, &found) }
        case .object(let parts): for (_, p) in parts { walk(p, &found) }
        }
    }
}

/// A template's placeholder that does not compile or evaluate.
public struct ValueTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression (or the text around an unclosed placeholder).
    public var expression: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(expression: String, message: String) {
        self.expression = expression
        self.message = message
    }

    public var description: String { "expression '\(expression)': \(message)" }
}
