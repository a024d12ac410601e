import Foundation

/// A small `{{ path }}` template over a JSON context (agent instructions, SQL tool text).
///
/// `{{ input }}` inserts a value (strings verbatim, others as JSON); `{{ input.customer.id }}`
/// walks objects; missing paths render empty. `{{{{` is not special. Parsed once, rendered many times.
public struct Template: Sendable, Hashable {
    private enum Piece: Sendable, Hashable { case literal(String), variable([String]) }
    private let pieces: [Piece]

    /// The variable paths the template uses.
    public var variables: [String] {
        pieces.compactMap { if case .variable(let p) = $0 { return p.joined(separator: ".") } else { return nil } }
    }

    /// Parses a template. Throws when a `{{` is not closed.
    public init(_ text: String) throws(TemplateError) {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = Self.find(UInt8(ascii: "{"), in: rest) {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = Self.find(UInt8(ascii: "}"), in: rest[open.upperBound...]) else {
                throw TemplateError(message: "unclosed '{{' in template")
            }
            let path = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { throw TemplateError(message: "empty '{{ }}' in template") }
            pieces.append(.variable(path.split(separator: ".").map(String.init)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        self.pieces = pieces
    }

    /// The first `{{` or `}}` (`brace` twice) in `text`, scanning its UTF-8 bytes (an ASCII pair
    /// always starts on a character boundary). Foundation's `range(of:)` bridges through NSString
    /// and cost more than the rest of a run's preparation.
    private static func find(_ brace: UInt8, in text: Substring) -> Range<String.Index>? {
        let bytes = text.utf8
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let next = bytes.index(after: i)
            if bytes[i] == brace, next != bytes.endIndex, bytes[next] == brace { return i..<bytes.index(after: next) }
            i = next
        }
        return nil
    }

    /// Renders against a context object.
    public func render(_ context: JSONValue) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let s): out += s
            case .variable(let path):
                var value: JSONValue? = context
                for key in path { value = value?[key] }
                switch value {
                case .none, .some(.null): break
                case .some(.string(let s)): out += s
                case .some(let v): out += v.jsonString
                }
            }
        }
        return out
    }
}

/// A malformed template.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    public var description: String { message }
}
