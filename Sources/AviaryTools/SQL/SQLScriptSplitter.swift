/// Splits a SQL script into statements on `;` outside quotes and comments.
///
/// Like `sqlite3_complete`, a `CREATE TRIGGER` statement ends only at a `;` right after `END`, so
/// the `;`s inside a trigger body do not split it. Empty statements (only comments) are dropped.
enum SQLScriptSplitter {
    /// One statement of a script.
    struct Statement: Sendable, Equatable {
        /// The statement text, without its terminating `;`.
        var text: String
        /// The 1-based line the statement starts on.
        var line: Int
    }

    /// The statements of `script`, in order.
    static func split(_ script: String) throws(SQLTokenizer.Failure) -> [Statement] {
        let tokens = try SQLTokenizer.tokenize(script)
        let bytes = Array(script.utf8)
        var statements: [Statement] = []
        var current: [SQLToken] = []

        func emit() {
            defer { current = [] }
            guard let first = current.first, let last = current.last else { return }
            let text = String(decoding: bytes[first.range.lowerBound..<last.range.upperBound], as: UTF8.self)
            statements.append(Statement(text: text, line: SQLTokenizer.line(of: first.range.lowerBound, in: script)))
        }

        for token in tokens {
            guard token.kind == .semicolon else {
                current.append(token)
                continue
            }
            if isTrigger(current), current.last?.isWord("END") != true {
                current.append(token)
                continue
            }
            emit()
        }
        emit()
        return statements
    }

    /// Whether the tokens start `CREATE [TEMP|TEMPORARY] TRIGGER`.
    private static func isTrigger(_ tokens: [SQLToken]) -> Bool {
        guard tokens.count >= 2, tokens[0].isWord("CREATE") else { return false }
        if tokens[1].isWord("TRIGGER") { return true }
        return tokens.count >= 3 && (tokens[1].isWord("TEMP") || tokens[1].isWord("TEMPORARY")) && tokens[2].isWord("TRIGGER")
    }
}
