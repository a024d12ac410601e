/// A Pratt (top-down operator precedence) parser for JMESPath, following the specification's
/// grammar and binding powers.
///
/// Nesting is capped at ``maximumDepth`` (both the parser's recursion and the height of the tree),
/// so adversarial input such as 100,000 nested parentheses is a syntax error, not a stack overflow.
struct JMESPathParser {
    /// The deepest nesting an expression may have.
    static let maximumDepth = 256
    /// Tokens with a binding power below this end a projection's right-hand side.
    private static let projectionStop = 10
    private static let starBindingPower = JMESPathToken(kind: .star, position: 0).bindingPower
    private static let filterBindingPower = JMESPathToken(kind: .filter, position: 0).bindingPower

    private let tokens: [JMESPathToken]
    private var index = 0
    private var depth = 0

    init(tokens: [JMESPathToken]) { self.tokens = tokens }

    /// The whole expression; every token must be consumed.
    mutating func parse() throws(JMESPathError) -> JMESPathNode {
        let node = try expression(0)
        guard case .eof = current.kind else { throw unexpected(current) }
        return node
    }

    // MARK: - Tokens

    private var current: JMESPathToken { tokens[min(index, tokens.count - 1)] }

    private func lookahead(_ offset: Int) -> JMESPathToken { tokens[min(index + offset, tokens.count - 1)] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func unexpected(_ token: JMESPathToken) -> JMESPathError {
        if case .eof = token.kind { return JMESPathError(.syntax, "unexpected end of expression", position: token.position) }
        return JMESPathError(.syntax, "unexpected \(token.name)", position: token.position)
    }

    private mutating func expect(_ kind: JMESPathToken.Kind) throws(JMESPathError) {
        guard current.kind == kind else { throw unexpected(current) }
        advance()
    }

    private func node(_ kind: JMESPathNode.Kind) throws(JMESPathError) -> JMESPathNode {
        let node = JMESPathNode(kind)
        guard node.height <= Self.maximumDepth else {
            throw JMESPathError(.syntax, "expression nested deeper than \(Self.maximumDepth) levels", position: current.position)
        }
        return node
    }

    // MARK: - Expressions

    private mutating func expression(_ rightBindingPower: Int) throws(JMESPathError) -> JMESPathNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw JMESPathError(.syntax, "expression nested deeper than \(Self.maximumDepth) levels", position: current.position)
        }
        let token = current
        advance()
        var left = try nud(token)
        while rightBindingPower < current.bindingPower {
            let token = current
            advance()
            left = try led(token, left)
        }
        return left
    }

    /// A token at the start of an expression.
    private mutating func nud(_ token: JMESPathToken) throws(JMESPathError) -> JMESPathNode {
        switch token.kind {
        case .literal(let value): return try node(.literal(value))
        case .rawString(let text): return try node(.literal(.string(text)))
        case .unquotedIdentifier(let name): return try node(.field(name))
        case .quotedIdentifier(let name):
            if case .lparen = current.kind {
                throw JMESPathError(.syntax, "a quoted identifier cannot name a function", position: token.position)
            }
            return try node(.field(name))
        case .star:
            return try node(.valueProjection(.current, try projectionRHS(token.bindingPower)))
        case .filter:
            return try filter(left: .current)
        case .lbrace:
            return try multiSelectHash()
        case .lparen:
            let inner = try expression(0)
            try expect(.rparen)
            return inner
        case .flatten:
            let left = try node(.flatten(.current))
            return try node(.projection(left, try projectionRHS(token.bindingPower)))
        case .not:
            return try node(.not(try expression(token.bindingPower)))
        case .lbracket:
            switch current.kind {
            case .number, .colon:
                return try projectIfSlice(.current, try indexExpression())
            case .star where lookahead(1).kind == .rbracket:
                advance()
                advance()
                return try node(.projection(.current, try projectionRHS(Self.starBindingPower)))
            default:
                return try multiSelectList()
            }
        case .at:
            return .current
        case .ampersand:
            return try node(.expressionReference(try expression(token.bindingPower)))
        default:
            throw unexpected(token)
        }
    }

    /// A token after a complete left-hand expression.
    private mutating func led(_ token: JMESPathToken, _ left: JMESPathNode) throws(JMESPathError) -> JMESPathNode {
        switch token.kind {
        case .dot:
            if case .star = current.kind {
                advance()
                return try node(.valueProjection(left, try projectionRHS(token.bindingPower)))
            }
            return try node(.subexpression(left, try dotRHS(token.bindingPower)))
        case .pipe:
            return try node(.pipe(left, try expression(token.bindingPower)))
        case .or:
            return try node(.or(left, try expression(token.bindingPower)))
        case .and:
            return try node(.and(left, try expression(token.bindingPower)))
        case .lparen:
            return try functionCall(left, at: token)
        case .filter:
            return try filter(left: left)
        case .flatten:
            let flattened = try node(.flatten(left))
            return try node(.projection(flattened, try projectionRHS(token.bindingPower)))
        case .equal: return try comparison(.equal, left, token)
        case .notEqual: return try comparison(.notEqual, left, token)
        case .less: return try comparison(.less, left, token)
        case .lessOrEqual: return try comparison(.lessOrEqual, left, token)
        case .greater: return try comparison(.greater, left, token)
        case .greaterOrEqual: return try comparison(.greaterOrEqual, left, token)
        case .lbracket:
            switch current.kind {
            case .number, .colon:
                return try projectIfSlice(left, try indexExpression())
            default:
                try expect(.star)
                try expect(.rbracket)
                return try node(.projection(left, try projectionRHS(Self.starBindingPower)))
            }
        default:
            throw unexpected(token)
        }
    }

    private mutating func comparison(_ op: JMESPathNode.Comparator, _ left: JMESPathNode, _ token: JMESPathToken) throws(JMESPathError) -> JMESPathNode {
        try node(.comparison(op, left, try expression(token.bindingPower)))
    }

    // MARK: - Forms

    /// After `[?`: the condition, `]`, and the projected right-hand side.
    private mutating func filter(left: JMESPathNode) throws(JMESPathError) -> JMESPathNode {
        let condition = try expression(0)
        try expect(.rbracket)
        let right: JMESPathNode
        if case .flatten = current.kind {
            right = .current
        } else {
            right = try projectionRHS(Self.filterBindingPower)
        }
        return try node(.filterProjection(left, right, condition: condition))
    }

    /// After `[` followed by a number or a colon: an index `[n]` or a slice `[a:b:c]`.
    private mutating func indexExpression() throws(JMESPathError) -> JMESPathNode {
        if case .colon = current.kind { return try slice() }
        if case .colon = lookahead(1).kind { return try slice() }
        guard case .number(let n) = current.kind else { throw unexpected(current) }
        advance()
        try expect(.rbracket)
        return try node(.index(n))
    }

    private mutating func slice() throws(JMESPathError) -> JMESPathNode {
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        while true {
            switch current.kind {
            case .rbracket:
                advance()
                return try node(.slice(start: parts[0], stop: parts[1], step: parts[2]))
            case .colon:
                part += 1
                guard part < 3 else { throw unexpected(current) }
                advance()
            case .number(let n):
                parts[part] = n
                advance()
                // Two numbers in a row are not a slice.
                if case .number = current.kind { throw unexpected(current) }
            default:
                throw unexpected(current)
            }
        }
    }

    private mutating func projectIfSlice(_ left: JMESPathNode, _ right: JMESPathNode) throws(JMESPathError) -> JMESPathNode {
        let indexed = try node(.indexExpression(left, right))
        guard case .slice = right.kind else { return indexed }
        return try node(.projection(indexed, try projectionRHS(Self.starBindingPower)))
    }

    /// What follows a projection: nothing (a token that ends it), `[`, `[?` or `.`.
    private mutating func projectionRHS(_ bindingPower: Int) throws(JMESPathError) -> JMESPathNode {
        if current.bindingPower < Self.projectionStop { return .current }
        switch current.kind {
        case .lbracket, .filter:
            return try expression(bindingPower)
        case .dot:
            advance()
            return try dotRHS(bindingPower)
        default:
            throw unexpected(current)
        }
    }

    /// After `.`: an identifier, `*`, a multiselect list or a multiselect hash.
    private mutating func dotRHS(_ bindingPower: Int) throws(JMESPathError) -> JMESPathNode {
        switch current.kind {
        case .unquotedIdentifier, .quotedIdentifier, .star:
            return try expression(bindingPower)
        case .lbracket:
            advance()
            return try multiSelectList()
        case .lbrace:
            advance()
            return try multiSelectHash()
        default:
            throw unexpected(current)
        }
    }

    /// After `[`: `expr (, expr)* ]`.
    private mutating func multiSelectList() throws(JMESPathError) -> JMESPathNode {
        var elements: [JMESPathNode] = []
        while true {
            elements.append(try expression(0))
            if case .rbracket = current.kind { advance(); break }
            try expect(.comma)
        }
        return try node(.multiSelectList(elements))
    }

    /// After `{`: `key: expr (, key: expr)* }`.
    private mutating func multiSelectHash() throws(JMESPathError) -> JMESPathNode {
        var pairs: [(key: String, value: JMESPathNode)] = []
        while true {
            let key: String
            switch current.kind {
            case .unquotedIdentifier(let name), .quotedIdentifier(let name): key = name
            default: throw unexpected(current)
            }
            advance()
            try expect(.colon)
            pairs.append((key, try expression(0)))
            if case .rbrace = current.kind { advance(); break }
            try expect(.comma)
        }
        return try node(.multiSelectHash(pairs))
    }

    /// After `name(`: the arguments and `)`; the function must exist and accept that many.
    private mutating func functionCall(_ left: JMESPathNode, at token: JMESPathToken) throws(JMESPathError) -> JMESPathNode {
        guard case .field(let name) = left.kind else { throw unexpected(token) }
        var arguments: [JMESPathNode] = []
        if case .rparen = current.kind {
            advance()
        } else {
            while true {
                arguments.append(try expression(0))
                if case .rparen = current.kind { advance(); break }
                try expect(.comma)
            }
        }
        guard let function = JMESPathFunction(rawValue: name) else {
            throw JMESPathError(.unknownFunction, "unknown function \(name)()", position: token.position)
        }
        try function.checkArity(arguments.count)
        return try node(.function(function, arguments))
    }
}
