/// One lexical token of a JMESPath expression.
struct JMESPathToken: Sendable, Equatable {
    /// The token's kind, with its payload for identifiers, numbers and literals.
    enum Kind: Sendable, Equatable {
        case unquotedIdentifier(String)
        case quotedIdentifier(String)
        case number(Int)
        case literal(JSONValue)
        case rawString(String)
        case dot, star, flatten, filter, lbracket, rbracket, lbrace, rbrace, lparen, rparen
        case comma, colon, at, ampersand, pipe, or, and, not
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        case eof
    }

    let kind: Kind
    /// Offset of the token's first Unicode scalar in the expression.
    let position: Int

    /// The left binding power of the token (the specification's operator precedence).
    var bindingPower: Int {
        switch kind {
        case .pipe: return 1
        case .or: return 2
        case .and: return 3
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 5
        case .flatten: return 9
        case .star: return 20
        case .filter: return 21
        case .dot: return 40
        case .not: return 45
        case .lbrace: return 50
        case .lbracket: return 55
        case .lparen: return 60
        default: return 0
        }
    }

    /// A short name for error messages.
    var name: String {
        switch kind {
        case .unquotedIdentifier(let s): return "identifier '\(s)'"
        case .quotedIdentifier(let s): return "quoted identifier \"\(s)\""
        case .number(let n): return "number \(n)"
        case .literal: return "literal"
        case .rawString: return "raw string"
        case .dot: return "'.'"
        case .star: return "'*'"
        case .flatten: return "'[]'"
        case .filter: return "'[?'"
        case .lbracket: return "'['"
        case .rbracket: return "']'"
        case .lbrace: return "'{'"
        case .rbrace: return "'}'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .comma: return "','"
        case .colon: return "':'"
        case .at: return "'@'"
        case .ampersand: return "'&'"
        case .pipe: return "'|'"
        case .or: return "'||'"
        case .and: return "'&&'"
        case .not: return "'!'"
        case .equal: return "'=='"
        case .notEqual: return "'!='"
        case .less: return "'<'"
        case .lessOrEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterOrEqual: return "'>='"
        case .eof: return "end of expression"
        }
    }
}
