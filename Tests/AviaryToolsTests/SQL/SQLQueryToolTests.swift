import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

@Suite("SQLQueryTool execution")
struct SQLQueryToolTests {
    private func call(_ tool: SQLQueryTool, _ arguments: JSONValue = [:]) async throws -> JSONValue {
        try await tool.call(arguments: arguments, context: TestSupport.context(workspace: nil)).content
    }

    private func failure(_ tool: SQLQueryTool, _ arguments: JSONValue = [:]) async -> ToolError? {
        await TestSupport.failure(tool, arguments, workspace: nil)
    }

    @Test("rows come back as objects with typed values; blobs as base64, JSON columns nested")
    func values() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            _ = try await SQLFixtures.itemsDatabase(in: dir)
            let tool = try SQLQueryTool(
                definition: SQLFixtures.definition("SELECT id, name, price, qty, note, data, tags FROM items WHERE id <= 2 ORDER BY id", jsonColumns: ["tags"]),
                baseDirectory: dir)
            let rows = try await call(tool)
            #expect(rows == [
                ["id": 1, "name": "apple", "price": 0.5, "qty": 10, "note": nil, "data": "3q2+7w==", "tags": ["fruit", "red"]],
                ["id": 2, "name": "banana", "price": 0.25, "qty": 0, "note": "ripe; eat soon", "data": nil, "tags": []],
            ])
            await tool.close()
        }
    }

    @Test("arguments bind by name, repeated names bind once, order follows the query")
    func binding() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            _ = try await SQLFixtures.itemsDatabase(in: dir)
            let schema: JSONValue = [
                "type": "object",
                "properties": ["min_qty": ["type": "integer"], "name": ["type": "string"], "flag": ["type": "boolean"], "ratio": ["type": "number"]],
                "required": ["name"],
            ]
            let query = """
                SELECT :name AS echoed, :flag AS flag, :ratio AS ratio, :min_qty IS NULL AS qty_missing,
                       (SELECT count(*) FROM items WHERE name = :name OR qty >= :min_qty) AS hits
                """
            let tool = try SQLQueryTool(definition: SQLFixtures.definition(query, parameters: schema, single: true), baseDirectory: dir)
            let row = try await call(tool, ["name": "cherry", "min_qty": 10, "flag": true, "ratio": 1.5])
            #expect(row == ["echoed": "cherry", "flag": 1, "ratio": 1.5, "qty_missing": 0, "hits": 2])
            let missingOptional = try await call(tool, ["name": "apple"])
            #expect(missingOptional == ["echoed": "apple", "flag": nil, "ratio": nil, "qty_missing": 1, "hits": 1])
            let missingRequired = await failure(tool, ["min_qty": 1])
            #expect(missingRequired?.message == "missing required argument 'name'")
            #expect(await failure(tool, "not an object")?.codeName == "invalid_arguments")
        }
    }

    @Test("a property's default is bound when the argument is missing")
    func defaults() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            _ = try await SQLFixtures.itemsDatabase(in: dir)
            let schema: JSONValue = ["type": "object", "properties": ["limit": ["type": "integer", "default": 2]]]
            let tool = try SQLQueryTool(definition: SQLFixtures.definition("SELECT id FROM items ORDER BY id LIMIT :limit", parameters: schema), baseDirectory: dir)
            #expect(try await call(tool) == [["id": 1], ["id": 2]])
            #expect(try await call(tool, ["limit": 3]) == [["id": 1], ["id": 2], ["id": 3]])
            #expect(try await call(tool, ["limit": nil]) == [["id": 1], ["id": 2]])
        }
    }

    @Test("max_rows caps the result (default 100); single returns an object or null")
    func caps() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            _ = try await SQLFixtures.itemsDatabase(in: dir)
            let capped = try SQLQueryTool(definition: SQLFixtures.definition("SELECT id FROM items ORDER BY id DESC", maxRows: 3), baseDirectory: dir)
            #expect(try await call(capped) == [["id": 10], ["id": 9], ["id": 8]])
            #expect(capped.maxRows == 3)
            let uncapped = try SQLQueryTool(definition: SQLFixtures.definition("SELECT id FROM items"), baseDirectory: dir)
            #expect(try await call(uncapped).arrayValue?.count == 10)
            #expect(uncapped.maxRows == 100)
            let many = try SQLQueryTool(
                definition: SQLFixtures.definition("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 100000) SELECT v FROM n"),
                baseDirectory: dir)
            let rows = try #require(try await call(many).arrayValue)
            #expect(rows.count == 100)
            #expect(rows.last == ["v": 100])
            let single = try SQLQueryTool(definition: SQLFixtures.definition("SELECT name FROM items ORDER BY id", single: true), baseDirectory: dir)
            #expect(try await call(single) == ["name": "apple"])
            let none = try SQLQueryTool(definition: SQLFixtures.definition("SELECT name FROM items WHERE id < 0", single: true), baseDirectory: dir)
            #expect(try await call(none) == .null)
            let empty = try SQLQueryTool(definition: SQLFixtures.definition("SELECT name FROM items WHERE id < 0"), baseDirectory: dir)
            #expect(try await call(empty) == [])
        }
    }

    @Test("a missing database file is a not_found error naming the tool and the file")
    func missingDatabase() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let tool = try SQLQueryTool(definition: SQLFixtures.definition("SELECT 1", name: "ghost"), baseDirectory: dir)
            let error = await failure(tool)
            #expect(error?.codeName == "not_found")
            #expect(error?.message == "sql tool 'ghost': database file '\(dir.path)/items.db' does not exist")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("items.db").path))
        }
    }

    @Test("SQLite errors surface as failed tool errors")
    func sqliteErrors() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            _ = try await SQLFixtures.itemsDatabase(in: dir)
            let tool = try SQLQueryTool(definition: SQLFixtures.definition("SELECT nope FROM items", name: "broken"), baseDirectory: dir)
            let error = await failure(tool)
            #expect(error?.codeName == "failed")
            #expect(error?.message.hasPrefix("sql tool 'broken' failed: ") == true)
            #expect(error?.message.contains("no such column") == true)
        }
    }

    @Test("the connection is shared by concurrent calls, and reopens after close")
    func connectionReuse() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            _ = try await SQLFixtures.itemsDatabase(in: dir)
            let schema: JSONValue = ["type": "object", "properties": ["id": ["type": "integer"]]]
            let tool = try SQLQueryTool(definition: SQLFixtures.definition("SELECT name FROM items WHERE id = :id", parameters: schema, single: true), baseDirectory: dir)
            let names = try await withThrowingTaskGroup(of: (Int, JSONValue).self) { group in
                for id in 1...10 {
                    group.addTask { (id, try await tool.call(arguments: ["id": .number(Double(id))], context: TestSupport.context(workspace: nil)).content) }
                }
                var names: [Int: JSONValue] = [:]
                for try await (id, row) in group { names[id] = row["name"] }
                return names
            }
            #expect(names.count == 10)
            #expect(names[3] == "cherry")
            #expect(names[10] == "bulk 7")
            await tool.close()
            #expect(try await call(tool, ["id": 1]) == ["name": "apple"])
            await tool.close()
        }
    }

    @Test("database paths with URI-special characters open correctly")
    func specialPath() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let odd = dir.appendingPathComponent("we?ird #dir %20 é")
            _ = try await SQLFixtures.itemsDatabase(in: odd)
            let tool = try SQLQueryTool(definition: SQLFixtures.definition("SELECT count(*) AS n FROM items", single: true), baseDirectory: odd)
            #expect(try await call(tool) == ["n": 10])
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("we").path))
        }
    }
}
