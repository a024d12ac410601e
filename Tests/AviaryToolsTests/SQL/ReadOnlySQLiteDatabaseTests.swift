import AviaryStorage
import SQLiteNIO
import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

/// Even when load-time validation is bypassed, the connection must refuse to write.
@Suite("read-only connection")
struct ReadOnlySQLiteDatabaseTests {
    static let writes = [
        "DELETE FROM items", "INSERT INTO items (name) VALUES ('x')", "UPDATE items SET name = 'x'",
        "REPLACE INTO items (id, name) VALUES (1, 'x')", "CREATE TABLE t (x)", "DROP TABLE items", "ALTER TABLE items ADD c",
        "CREATE INDEX i ON items (name)", "PRAGMA user_version = 7", "PRAGMA query_only = OFF", "PRAGMA journal_mode = WAL",
        "ATTACH DATABASE ':memory:' AS scratch", "VACUUM", "BEGIN IMMEDIATE", "CREATE TEMP TABLE t (x)",
        "SELECT * FROM items; DELETE FROM items",
    ]

    private func snapshot(_ dir: URL) async throws -> JSONValue {
        let tool = try SQLQueryTool(definition: SQLFixtures.definition("SELECT * FROM items ORDER BY id"), baseDirectory: dir)
        let rows = try await tool.call(arguments: [:], context: TestSupport.context(workspace: nil)).content
        await tool.close()
        return rows
    }

    @Test("a tool whose validation was bypassed cannot write", arguments: writes)
    func bypassedTool(statement: String) async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let url = try await SQLFixtures.itemsDatabase(in: dir)
            let before = try Data(contentsOf: url)
            let tool = SQLQueryTool(unvalidated: SQLFixtures.definition(statement), baseDirectory: dir)
            let result: Result<ToolOutput, any Error>
            do {
                result = .success(try await tool.call(arguments: [:], context: TestSupport.context(workspace: nil)))
            } catch {
                result = .failure(error)
            }
            await tool.close()
            switch result {
            case .success:
                // Multi-statement text runs only its first (read-only) statement; everything else must fail.
                #expect(statement.hasPrefix("SELECT"), "\(statement) succeeded")
            case .failure(let error):
                #expect((error as? ToolError)?.codeName == "failed", "\(statement): \(error)")
            }
            #expect(try Data(contentsOf: url) == before, "\(statement) changed the file")
            #expect(try await snapshot(dir).arrayValue?.count == 10)
        }
    }

    @Test("the connection refuses writes directly", arguments: writes.filter { !$0.hasPrefix("SELECT") })
    func connection(statement: String) async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let url = try await SQLFixtures.itemsDatabase(in: dir)
            let before = try Data(contentsOf: url)
            let database = ReadOnlySQLiteDatabase(path: url.path)
            await #expect(throws: (any Error).self, "\(statement)") { _ = try await database.query(statement, []) }
            let rows = try await database.query("SELECT count(*) AS n FROM items", [])
            #expect(rows.first?.column("n")?.integer == 10)
            // Table-valued pragmas are reads in disguise; the authorizer refuses them too.
            await #expect(throws: (any Error).self) { _ = try await database.query("SELECT * FROM pragma_user_version", []) }
            #expect(try Data(contentsOf: url) == before, "\(statement) changed the file")
            await database.close()
        }
    }

    @Test("reads, JSON functions, recursive CTEs and the authorizer policy")
    func readsAllowed() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let url = try await SQLFixtures.itemsDatabase(in: dir)
            let database = ReadOnlySQLiteDatabase(path: url.path)
            let rows = try await database.query("""
                WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 3)
                SELECT (SELECT json_group_array(v) FROM n) AS list, (SELECT count(*) FROM json_each('[1,2]')) AS each
                """, [])
            #expect(rows.first?.column("list")?.string == "[1,2,3]")
            #expect(rows.first?.column("each")?.integer == 2)
            await database.close()
        }
    }

    /// `fts3_tokenizer` takes a pointer (a classic route to memory corruption), `load_extension`
    /// loads code; the blob makers allocate whatever they are asked for. None of them is on the
    /// allowlist, so the statement does not even prepare; everyday functions still work.
    @Test("functions outside the allowlist are refused", arguments: [
        "SELECT fts3_tokenizer('simple')", "SELECT fts3_tokenizer('x', x'4142434445464748')",
        "SELECT load_extension('/tmp/evil.so')", "SELECT length(randomblob(1000000000))",
        "SELECT length(zeroblob(1000000000))", "SELECT readfile('/etc/passwd')", "SELECT sqlite_compileoption_get(0)",
    ])
    func functionsOutsideTheAllowlist(statement: String) async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let url = try await SQLFixtures.itemsDatabase(in: dir)
            let database = ReadOnlySQLiteDatabase(path: url.path)
            let error = await #expect(throws: ReadOnlySQLiteFile.Failure.self, "\(statement)") { _ = try await database.query(statement, []) }
            #expect(error?.message.contains("authoriz") == true || error?.message.contains("no such function") == true,
                    "\(String(describing: error))")
            let rows = try await database.query("""
                SELECT upper(name) AS u, round(abs(-1.5)) AS r, date('2025-01-15') AS d, json_extract('{"a":1}', '$.a') AS j,
                  count(*) OVER () AS n, printf('%05d', id) AS p FROM items ORDER BY id LIMIT 1
                """, [])
            #expect(rows.first?.column("j")?.integer == 1)
            #expect(rows.first?.column("n")?.integer == 10)
            #expect(rows.first?.column("d")?.string == "2025-01-15")
            await database.close()
        }
    }

    @Test("a file name with URI characters opens as a plain path")
    func specialCharactersInThePath() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let url = try await SQLFixtures.itemsDatabase(in: dir)
            let odd = dir.appendingPathComponent("a b?mode=rw#x%y.db")
            try FileManager.default.copyItem(at: url, to: odd)
            let database = ReadOnlySQLiteDatabase(path: odd.path)
            #expect(try await database.query("SELECT count(*) AS n FROM items", []).first?.column("n")?.integer == 10)
            await #expect(throws: (any Error).self) { _ = try await database.query("DELETE FROM items", []) }
            await database.close()
        }
    }

}
