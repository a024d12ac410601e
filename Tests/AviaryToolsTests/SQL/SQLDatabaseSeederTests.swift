import AviaryCore
import AviaryTools
import Foundation
import Testing

@Suite("SQLDatabaseSeeder")
struct SQLDatabaseSeederTests {
    private func count(_ table: String, in database: URL) async throws -> Int? {
        let tool = try SQLQueryTool(
            definition: SQLToolDefinition(name: "count", description: "Count rows.", database: database.path,
                                          query: "SELECT count(*) AS n FROM \(table)", single: true),
            baseDirectory: database.deletingLastPathComponent())
        let result = try await tool.call(arguments: [:], context: TestSupport.context(workspace: nil)).content
        await tool.close()
        return result["n"]?.intValue
    }

    @Test("seeds from a file, creating folders, with triggers and quoted semicolons")
    func seedFromFile() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            try TestSupport.write("""
                CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
                CREATE TABLE audit (note_id INTEGER);
                CREATE TRIGGER notes_audit AFTER INSERT ON notes BEGIN
                  INSERT INTO audit VALUES (new.id);
                END;
                INSERT INTO notes (body) VALUES ('a; b'), ('c -- not a comment');
                """, to: "seed.sql", in: dir)
            let db = dir.appendingPathComponent("nested/data/app.db")
            try await SQLDatabaseSeeder.seed(databaseAt: db, sqlFile: dir.appendingPathComponent("seed.sql"))
            #expect(try await count("notes", in: db) == 2)
            #expect(try await count("audit", in: db) == 2)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: db.deletingLastPathComponent().path)
            #expect(leftovers == ["app.db"])
        }
    }

    @Test("seeding again replaces the database")
    func overwrite() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("x.db")
            try await SQLDatabaseSeeder.seed(databaseAt: db, sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);")
            try await SQLDatabaseSeeder.seed(databaseAt: db, sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            #expect(try await count("t", in: db) == 1)
        }
    }

    @Test("a failing statement is reported with its number and line, and the old database survives")
    func failure() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("x.db")
            try await SQLDatabaseSeeder.seed(databaseAt: db, sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            do {
                try await SQLDatabaseSeeder.seed(databaseAt: db, sql: "CREATE TABLE t (x);\n\nINSERT INTO missing VALUES (1);", scriptName: "bad.sql")
                Issue.record("seeding should fail")
            } catch let error as SQLToolError {
                #expect(error.codeName == "seed_failed")
                #expect(error.message.hasPrefix("bad.sql: statement 2 (line 3) failed: "))
                #expect(error.message.contains("no such table: missing"))
            }
            #expect(try await count("t", in: db) == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.db"])
            await #expect(throws: SQLToolError.self) {
                try await SQLDatabaseSeeder.seed(databaseAt: db, sqlFile: dir.appendingPathComponent("absent.sql"))
            }
        }
    }
}
