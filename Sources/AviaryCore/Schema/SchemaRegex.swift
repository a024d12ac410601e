import Foundation

/// A compiled `pattern` / `patternProperties` regular expression.
struct SchemaRegex: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to use from several threads.
    let source: String
    private let expression: NSRegularExpression

    init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: Self.translate(source), options: []) else {
            return nil
        }
        self.source = source
        self.expression = expression
    }

    /// Rewrites ECMA-262 class escapes whose ICU meaning is wider: `\d`, `\w` (and their
    /// negations) are ASCII-only in ECMA-262, and `\s` has a fixed ECMA-262 character list.
    static func translate(_ source: String) -> String {
        guard source.contains("\\") else { return source }
        let whitespace = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"
        let classes: [Character: String] = ["d": "0-9", "w": "A-Za-z0-9_", "s": whitespace]
        var out = ""
        var inClass = false
        var iterator = source.makeIterator()
        while let c = iterator.next() {
            switch c {
            case "\\":
                guard let next = iterator.next() else { out.append(c); break }
                let lower = Character(next.lowercased())
                if let members = classes[lower], next.isASCII {
                    let negated = next != lower
                    // ICU accepts nested sets, so the bracketed form also works inside a class.
                    out += "[" + (negated ? "^" : "") + members + "]"
                } else {
                    out.append(c)
                    out.append(next)
                }
            case "[" where !inClass:
                inClass = true
                out.append(c)
            case "]" where inClass:
                inClass = false
                out.append(c)
            default:
                out.append(c)
            }
        }
        return out
    }

    /// Whether the pattern matches anywhere in `text` (patterns are not implicitly anchored).
    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
