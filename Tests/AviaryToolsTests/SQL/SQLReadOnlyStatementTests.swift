import Testing

@testable import AviaryTools

@Suite("read-only statement analysis")
struct SQLReadOnlyStatementTests {
    @Test("parameters are distinct, in order of first appearance (SQLite's numbering)")
    func parameterOrder() throws {
        let statement = try SQLReadOnlyStatement("SELECT :b, ':x', \":y\", :a /* :c */, :b -- :d\n, :a2 FROM t WHERE u = :a;")
        #expect(statement.parameterNames == ["b", "a", "a2"])
        #expect(statement.text.hasPrefix("SELECT :b"))
        #expect(statement.text.hasSuffix("WHERE u = :a"))
    }

    @Test("tokens: quotes, comments, numbers and parameters")
    func tokens() throws {
        let tokens = try SQLTokenizer.tokenize("SELECT 1.5e+3, 'a''b', [x y], `z`, ?2, @p, $q, :r; -- tail")
        #expect(tokens.map(\.kind) == [
            .word, .number, .symbol, .string, .symbol, .quotedIdentifier, .symbol, .quotedIdentifier, .symbol,
            .positionalParameter, .symbol, .namedParameter, .symbol, .namedParameter, .symbol, .namedParameter, .semicolon,
        ])
        #expect(tokens[1].text == "1.5e+3")
        #expect(tokens[3].text == "'a''b'")
        #expect(SQLTokenizer.line(of: 7, in: "a\nb\nc\nd") == 4)
    }
}
