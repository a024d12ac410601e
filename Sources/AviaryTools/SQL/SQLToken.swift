/// One lexical token of SQLite SQL, as produced by ``SQLTokenizer``.
struct SQLToken: Sendable, Equatable {
    /// What kind of token this is.
    enum Kind: Sendable, Equatable {
        /// A keyword or bare identifier (`SELECT`, `customers`, `json_group_array`).
        case word
        /// An identifier in `"…"`, `` `…` `` or `[…]`.
        case quotedIdentifier
        /// A string literal in `'…'`.
        case string
        /// A numeric literal.
        case number
        /// A named parameter: `:name`, `@name` or `$name` (``SQLToken/text`` keeps the prefix).
        case namedParameter
        /// A positional parameter: `?` or `?NNN`.
        case positionalParameter
        /// `;`
        case semicolon
        /// `(`
        case openParen
        /// `)`
        case closeParen
        /// Any other operator or punctuation.
        case symbol
    }

    /// The token's kind.
    var kind: Kind
    /// The token's source text.
    var text: String
    /// The token's UTF-8 byte offsets in the source.
    var range: Range<Int>

    /// Whether this is the bare word `keyword` (ASCII case-insensitive).
    func isWord(_ keyword: String) -> Bool {
        kind == .word && text.utf8.count == keyword.utf8.count
            && zip(text.utf8, keyword.utf8).allSatisfy { Self.lower($0) == Self.lower($1) }
    }

    /// The uppercased text of a word token.
    var upperWord: String { text.uppercased() }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }
}
