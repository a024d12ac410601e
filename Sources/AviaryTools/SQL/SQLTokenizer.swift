/// Splits SQLite SQL into tokens, skipping whitespace and comments, the way SQLite's own tokenizer
/// does for everything that matters here: quotes, comments, parameters and statement boundaries.
struct SQLTokenizer {
    /// Why text could not be tokenized (an unterminated quote or comment).
    struct Failure: Error, Sendable, Equatable {
        /// What is wrong, for a person.
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(_ sql: String) {
        bytes = Array(sql.utf8)
    }

    /// Tokenizes `sql`.
    static func tokenize(_ sql: String) throws(Failure) -> [SQLToken] {
        var tokenizer = SQLTokenizer(sql)
        var tokens: [SQLToken] = []
        while let token = try tokenizer.next() { tokens.append(token) }
        return tokens
    }

    /// The 1-based line number of byte `offset` in `sql`.
    static func line(of offset: Int, in sql: String) -> Int {
        1 + sql.utf8.prefix(offset).reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    private mutating func next() throws(Failure) -> SQLToken? {
        try skipTrivia()
        guard index < bytes.count else { return nil }
        let start = index
        let c = bytes[index]
        let kind: SQLToken.Kind
        switch c {
        case UInt8(ascii: "'"):
            try skipQuoted(closing: c, what: "string literal")
            kind = .string
        case UInt8(ascii: "\""), UInt8(ascii: "`"):
            try skipQuoted(closing: c, what: "quoted identifier")
            kind = .quotedIdentifier
        case UInt8(ascii: "["):
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) else {
                throw Failure(message: "unterminated [identifier] starting at line \(lineNumber(start))")
            }
            index = close + 1
            kind = .quotedIdentifier
        case UInt8(ascii: ";"): index += 1; kind = .semicolon
        case UInt8(ascii: "("): index += 1; kind = .openParen
        case UInt8(ascii: ")"): index += 1; kind = .closeParen
        case UInt8(ascii: "?"):
            index += 1
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            kind = .positionalParameter
        case UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "$"):
            index += 1
            // `:$name`: a context parameter (SQLite reads `$` as part of the name)
            if c == UInt8(ascii: ":"), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "$"), Self.isWordByte(bytes[index + 1]) {
                index += 1
            }
            if index < bytes.count, Self.isWordByte(bytes[index]) {
                while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
                kind = .namedParameter
            } else {
                kind = .symbol
            }
        default:
            if Self.isDigit(c) || (c == UInt8(ascii: ".") && index + 1 < bytes.count && Self.isDigit(bytes[index + 1])) {
                scanNumber()
                kind = .number
            } else if Self.isWordStart(c) {
                while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
                kind = .word
            } else {
                index += 1
                kind = .symbol
            }
        }
        return SQLToken(kind: kind, text: String(decoding: bytes[start..<index], as: UTF8.self), range: start..<index)
    }

    private mutating func skipTrivia() throws(Failure) {
        while index < bytes.count {
            let c = bytes[index]
            if c == 32 || (c >= 9 && c <= 13) {
                index += 1
            } else if c == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                while index < bytes.count, bytes[index] != 10 { index += 1 }
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let start = index
                index += 2
                while index < bytes.count, !(bytes[index] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) { index += 1 }
                guard index < bytes.count else {
                    throw Failure(message: "unterminated /* comment */ starting at line \(lineNumber(start))")
                }
                index += 2
            } else {
                return
            }
        }
    }

    /// Skips a quoted token whose quote is doubled to escape it (`'it''s'`).
    private mutating func skipQuoted(closing: UInt8, what: String) throws(Failure) {
        let start = index
        index += 1
        while index < bytes.count {
            if bytes[index] == closing {
                if peek(1) == closing { index += 2; continue }
                index += 1
                return
            }
            index += 1
        }
        throw Failure(message: "unterminated \(what) starting at line \(lineNumber(start))")
    }

    private mutating func scanNumber() {
        while index < bytes.count {
            let c = bytes[index]
            if (c == UInt8(ascii: "e") || c == UInt8(ascii: "E")), let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                index += 2
            } else if Self.isWordByte(c) || c == UInt8(ascii: ".") {
                index += 1
            } else {
                return
            }
        }
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func lineNumber(_ offset: Int) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func isWordStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "_") || c >= 0x80
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        isWordStart(c) || isDigit(c) || c == UInt8(ascii: "$")
    }
}
