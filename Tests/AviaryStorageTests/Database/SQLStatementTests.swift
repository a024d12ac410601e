@testable import AviaryStorage
import Foundation
import Logging
import NIOCore
import SQLKit
import Testing

@Suite("SQLStatement")
struct SQLStatementTests {
    /// Every kind of value goes in through a statement and comes back unchanged, on both engines
    /// (SQLite takes the text and values as they are; PostgreSQL serialises `?` as `$n`).
    @Test(arguments: Backend.all)
    func valuesRoundTrip(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let db = store.database
            try await db.raw("CREATE TABLE statement_values (k TEXT PRIMARY KEY, t TEXT, i BIGINT, r DOUBLE PRECISION, n TEXT)").run()
            let text = "quote ' and \"double\", emoji 🦜, newline\n, question mark? in a value"
            try await db.execute(sql: SQLStatement("INSERT INTO statement_values (k, t, i, r, n) VALUES (?, ?, ?, ?, ?)",
                                                   [.text("a"), .text(text), .integer(-42), .real(2.5), .text(nil)])) { _ in }
            try await db.execute(sql: "INSERT INTO statement_values (k, t, i, r, n) VALUES (" + SQLStatement("?", [.text("b")])
                                 + ", 't', 7, " + SQLStatement("?", [.real(-0.125)]) + ", NULL)") { _ in }
            let rows = try await db.raw("SELECT * FROM statement_values ORDER BY k").all()
            #expect(rows.count == 2)
            #expect(try rows[0].decode(column: "t", as: String.self) == text)
            #expect(try rows[0].decode(column: "i", as: Int.self) == -42)
            #expect(try rows[0].decode(column: "r", as: Double.self) == 2.5)
            #expect(try rows[0].decode(column: "n", as: String?.self) == nil)
            #expect(try rows[1].decode(column: "k", as: String.self) == "b")
            #expect(try rows[1].decode(column: "r", as: Double.self) == -0.125)
        }
    }

    @Test func serialisesEachQuestionMarkAsTheDialectsPlaceholder() {
        let statement = SQLStatement("UPDATE t SET a = ?, b = ? WHERE id = ?", [.integer(1), .null, .text("x")])
        var serializer = SQLSerializer(database: NumberedPlaceholders())
        statement.serialize(to: &serializer)
        #expect(serializer.sql == "UPDATE t SET a = $1, b = $2 WHERE id = $3")
        #expect(serializer.binds.count == 3)
        #expect(serializer.binds[0] as? Int == 1)
        #expect(serializer.binds[1] as? String? == .some(nil))
        #expect(serializer.binds[2] as? String == "x")
    }

    @Test func concatenationKeepsTheValuesInTextOrder() {
        let joined = "WITH s AS (" + SQLStatement("SELECT ?", [.integer(1)]) + ") " + SQLStatement("SELECT ?, ?", [.text("a"), .real(1.5)])
        #expect(joined.sql == "WITH s AS (SELECT ?) SELECT ?, ?")
        #expect(joined.values == [.integer(1), .text("a"), .real(1.5)])
    }
}

/// A database whose dialect numbers its placeholders, as PostgreSQL's does; it runs nothing.
private struct NumberedPlaceholders: SQLDatabase {
    struct Dialect: SQLDialect {
        var name: String { "numbered" }
        var identifierQuote: any SQLExpression { SQLRaw("\"") }
        var supportsAutoIncrement: Bool { false }
        var autoIncrementClause: any SQLExpression { SQLRaw("") }
        func bindPlaceholder(at position: Int) -> any SQLExpression { SQLRaw("$\(position)") }
        func literalBoolean(_ value: Bool) -> any SQLExpression { SQLRaw(value ? "true" : "false") }
    }

    var logger: Logger { Logger(label: "test") }
    var eventLoop: any EventLoop { fatalError("not used") }
    var dialect: any SQLDialect { Dialect() }
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        fatalError("not used")
    }
}
