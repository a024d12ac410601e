/// A query proven, by its tokens, to be one read-only `SELECT` (or `WITH … SELECT`) statement.
///
/// This is the load-time check; the connection the query runs on is read-only as well (see
/// ``ReadOnlySQLiteDatabase``), so a statement that slipped through still could not write.
struct SQLReadOnlyStatement: Sendable, Equatable {
    /// The statement text without a trailing `;`.
    let text: String
    /// Distinct `:name` parameter names in order of first appearance, which is the order SQLite
    /// numbers them in, so it is the binding order.
    let parameterNames: [String]

    /// Words that never appear in a read-only SELECT (outside quotes and comments).
    static let forbiddenWords: Set<String> = [
        "INSERT", "UPDATE", "DELETE", "UPSERT", "DROP", "CREATE", "ALTER", "ATTACH", "DETACH", "PRAGMA", "VACUUM",
        "REINDEX", "ANALYZE", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "TRANSACTION", "LOAD_EXTENSION",
    ]

    /// The words that start a statement, used to find the main statement after a `WITH` clause.
    private static let statementWords: Set<String> = ["SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "VALUES"]

    /// Checks `sql`; the failure message says what is wrong, for a person.
    init(_ sql: String) throws(SQLTokenizer.Failure) {
        let tokens = try SQLTokenizer.tokenize(sql)
        guard let first = tokens.first else { throw SQLTokenizer.Failure(message: "the query is empty") }
        var body = tokens[...]
        while body.last?.kind == .semicolon { body = body.dropLast() }
        if let semicolon = body.first(where: { $0.kind == .semicolon }) {
            let line = SQLTokenizer.line(of: semicolon.range.lowerBound, in: sql)
            throw SQLTokenizer.Failure(message: "the query must be a single statement, but a ';' on line \(line) starts another one")
        }
        guard first.isWord("SELECT") || first.isWord("WITH") else {
            throw SQLTokenizer.Failure(message: "only read-only SELECT (or WITH … SELECT) queries are allowed, found '\(first.text)'")
        }
        var depth = 0
        var mainStatement: SQLToken?
        var names: [String] = []
        for (offset, token) in body.enumerated() {
            switch token.kind {
            case .openParen: depth += 1
            case .closeParen: depth -= 1
            case .word:
                let word = token.upperWord
                if word == "REPLACE", body.dropFirst(offset + 1).first?.kind == .openParen {
                    continue  // the replace() string function
                }
                if Self.forbiddenWords.contains(word) || word == "REPLACE" {
                    throw SQLTokenizer.Failure(message: "only read-only SELECT queries are allowed, found '\(token.text)'")
                }
                if depth == 0, mainStatement == nil, Self.statementWords.contains(word) { mainStatement = token }
            case .namedParameter:
                guard token.text.hasPrefix(":") else {
                    throw SQLTokenizer.Failure(message: "use ':name' parameters, not '\(token.text)'")
                }
                let name = String(token.text.dropFirst())
                if !names.contains(name) { names.append(name) }
            case .positionalParameter:
                throw SQLTokenizer.Failure(message: "use named ':name' parameters, not positional '\(token.text)'")
            default: continue
            }
        }
        if let main = mainStatement, !main.isWord("SELECT") {
            throw SQLTokenizer.Failure(message: "only read-only SELECT queries are allowed, found '\(main.text)'")
        }
        let end = body.last.map(\.range.upperBound) ?? 0
        text = String(decoding: Array(sql.utf8)[first.range.lowerBound..<end], as: UTF8.self)
        parameterNames = names
    }
}
