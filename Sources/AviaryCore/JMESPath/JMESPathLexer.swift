/// Splits a JMESPath expression into tokens (hand-written; no regular expressions).
struct JMESPathLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ expression: String) { scalars = Array(expression.unicodeScalars) }

    /// Every token of the expression, ending with `.eof`.
    mutating func tokenize() throws(JMESPathError) -> [JMESPathToken] {
        var tokens: [JMESPathToken] = []
        while true {
            skipWhitespace()
            let start = index
            guard let c = peek() else {
                tokens.append(JMESPathToken(kind: .eof, position: start))
                return tokens
            }
            tokens.append(JMESPathToken(kind: try lexToken(c, start: start), position: start))
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < scalars.count ? scalars[i] : nil
    }

    private mutating func skipWhitespace() {
        while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1 }
    }

    private func syntax(_ message: String, _ position: Int) -> JMESPathError {
        JMESPathError(.syntax, message, position: position)
    }

    private mutating func lexToken(_ c: Unicode.Scalar, start: Int) throws(JMESPathError) -> JMESPathToken.Kind {
        if Self.isIdentifierStart(c) { return .unquotedIdentifier(lexIdentifier()) }
        if Self.isDigit(c) || c == "-" { return try lexNumber(start: start) }
        index += 1
        switch c {
        case ".": return .dot
        case "*": return .star
        case "]": return .rbracket
        case "{": return .lbrace
        case "}": return .rbrace
        case "(": return .lparen
        case ")": return .rparen
        case ",": return .comma
        case ":": return .colon
        case "@": return .at
        case "[":
            if peek() == "]" { index += 1; return .flatten }
            if peek() == "?" { index += 1; return .filter }
            return .lbracket
        case "&": return matchNext("&") ? .and : .ampersand
        case "|": return matchNext("|") ? .or : .pipe
        case "!": return matchNext("=") ? .notEqual : .not
        case "<": return matchNext("=") ? .lessOrEqual : .less
        case ">": return matchNext("=") ? .greaterOrEqual : .greater
        case "=":
            if matchNext("=") { return .equal }
            throw syntax("'=' is not an operator (did you mean '==')", start)
        case "\"": return .quotedIdentifier(try lexQuotedIdentifier(start: start))
        case "'": return .rawString(try lexRawString(start: start))
        case "`": return .literal(try lexLiteral(start: start))
        default: throw syntax("unexpected character '\(c)'", start)
        }
    }

    private mutating func matchNext(_ c: Unicode.Scalar) -> Bool {
        if peek() == c { index += 1; return true }
        return false
    }

    private mutating func lexIdentifier() -> String {
        var s = String.UnicodeScalarView()
        while let c = peek(), Self.isIdentifierStart(c) || Self.isDigit(c) {
            s.append(c)
            index += 1
        }
        return String(s)
    }

    private mutating func lexNumber(start: Int) throws(JMESPathError) -> JMESPathToken.Kind {
        var text = ""
        if peek() == "-" { text.append("-"); index += 1 }
        while let c = peek(), Self.isDigit(c) { text.unicodeScalars.append(c); index += 1 }
        guard text != "-" else { throw syntax("'-' must be followed by digits", start) }
        guard let value = Int(text) else { throw syntax("number \(text) is out of range", start) }
        return .number(value)
    }

    /// The text up to the unescaped `delimiter` (a backslash keeps the next scalar, with itself).
    private mutating func consumeUntil(_ delimiter: Unicode.Scalar, start: Int, what: String) throws(JMESPathError) -> String {
        var s = String.UnicodeScalarView()
        while true {
            guard var c = peek() else { throw syntax("unterminated \(what)", start) }
            if c == delimiter { index += 1; return String(s) }
            if c == "\\" {
                s.append(c)
                index += 1
                guard let escaped = peek() else { throw syntax("unterminated \(what)", start) }
                c = escaped
            }
            s.append(c)
            index += 1
        }
    }

    private mutating func lexQuotedIdentifier(start: Int) throws(JMESPathError) -> String {
        let body = try consumeUntil("\"", start: start, what: "quoted identifier")
        guard case .string(let name)? = try? JSONValue(parsing: "\"" + body + "\"") else {
            throw syntax("invalid quoted identifier", start)
        }
        return name
    }

    private mutating func lexRawString(start: Int) throws(JMESPathError) -> String {
        let body = try consumeUntil("'", start: start, what: "raw string")
        return body.replacing("\\'", with: "'")
    }

    private mutating func lexLiteral(start: Int) throws(JMESPathError) -> JSONValue {
        let body = try consumeUntil("`", start: start, what: "literal").replacing("\\`", with: "`")
        if let value = try? JSONValue(parsing: body) { return value }
        // The legacy form the specification still accepts: unquoted text is a string.
        let trimmed = String(body.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if let value = try? JSONValue(parsing: "\"" + trimmed + "\"") { return value }
        throw syntax("invalid JSON literal", start)
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
}
