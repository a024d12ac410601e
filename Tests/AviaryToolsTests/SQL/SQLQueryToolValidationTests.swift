import AviaryCore
import AviaryTools
import Foundation
import Testing

@Suite("SQLQueryTool load-time validation")
struct SQLQueryToolValidationTests {
    private let base = URL(fileURLWithPath: "/nonexistent-base")

    /// The load error's message for `definition`, or `nil` when it loads.
    private func loadError(_ definition: SQLToolDefinition) -> String? {
        do {
            _ = try SQLQueryTool(definition: definition, baseDirectory: base)
            return nil
        } catch let error as SQLToolError {
            #expect(error.codeName == "invalid_definition")
            return error.message
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("writes, DDL, ATTACH, PRAGMA and transactions are rejected, naming the tool", arguments: [
        "DELETE FROM items", "INSERT INTO items (name) VALUES ('x')", "UPDATE items SET name = 'x'",
        "REPLACE INTO items (id, name) VALUES (1, 'x')", "ATTACH DATABASE '/tmp/x.db' AS x", "DETACH x",
        "PRAGMA writable_schema = ON", "PRAGMA table_info(items)", "DROP TABLE items", "CREATE TABLE t (x)", "ALTER TABLE items ADD c",
        "VACUUM", "BEGIN", "COMMIT", "ANALYZE", "REINDEX", "SAVEPOINT s",
        "WITH x AS (SELECT 1) DELETE FROM items", "WITH x AS (SELECT 1) INSERT INTO items (name) SELECT * FROM x",
        "WITH x AS (SELECT 1) UPDATE items SET name = 'x'", "SELECT * FROM items WHERE id IN (DELETE FROM items RETURNING id)",
        "VALUES (1)", "EXPLAIN SELECT 1", "(SELECT 1)",
    ])
    func rejectsNonSelect(query: String) throws {
        let message = try #require(loadError(SQLFixtures.definition(query, name: "bad_tool")))
        #expect(message.hasPrefix("sql tool 'bad_tool': "))
        #expect(message.contains("only read-only SELECT"))
    }

    @Test("two statements are rejected, even when the second is a SELECT", arguments: [
        "SELECT 1; SELECT 2", "SELECT 1; DELETE FROM items", "SELECT 1;\n;DROP TABLE items", "SELECT ';'; DELETE FROM items",
    ])
    func rejectsTwoStatements(query: String) throws {
        let message = try #require(loadError(SQLFixtures.definition(query, name: "two")))
        #expect(message.hasPrefix("sql tool 'two': the query must be a single statement"))
    }

    @Test("read-only queries load", arguments: [
        "SELECT * FROM items", "select * from items;", "SELECT 1;;  -- trailing comment DELETE",
        "SELECT 'DELETE FROM items; DROP TABLE items' AS text", "SELECT \"update\", [delete] FROM (SELECT 1 AS \"update\", 2 AS [delete])",
        "/* INSERT */ SELECT replace(name, 'a', 'b') FROM items", "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 3) SELECT v FROM n",
        "WITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a) SELECT * FROM b", "SELECT count(*) FROM items WHERE name LIKE 'b%' -- DELETE",
    ])
    func acceptsSelects(query: String) {
        #expect(loadError(SQLFixtures.definition(query)) == nil)
    }

    @Test("every :name must be declared; other parameter styles are refused")
    func parameters() throws {
        let schema: JSONValue = ["type": "object", "properties": ["user_id": ["type": "string"]]]
        #expect(loadError(SQLFixtures.definition("SELECT :user_id", parameters: schema)) == nil)
        let unknown = try #require(loadError(SQLFixtures.definition("SELECT * FROM items WHERE id = :item_id", name: "lookup", parameters: schema)))
        #expect(unknown == "sql tool 'lookup': the query uses ':item_id', which is not a property of 'parameters'")
        #expect(loadError(SQLFixtures.definition("SELECT * FROM items WHERE id = :id")) != nil)
        #expect(loadError(SQLFixtures.definition("SELECT ':not_a_param'")) == nil)
        #expect(try #require(loadError(SQLFixtures.definition("SELECT ?"))).contains("positional"))
        #expect(try #require(loadError(SQLFixtures.definition("SELECT @user_id", parameters: schema))).contains("use ':name' parameters"))
        #expect(loadError(SQLFixtures.definition("SELECT $user_id", parameters: schema)) != nil)
    }

    @Test("definition shape is checked")
    func shape() throws {
        #expect(try #require(loadError(SQLFixtures.definition("SELECT 1", name: "has space"))).contains("the name must be"))
        #expect(loadError(SQLFixtures.definition("SELECT 1", name: "")) != nil)
        #expect(loadError(SQLFixtures.definition("SELECT 1", parameters: ["type": "array"])) != nil)
        #expect(loadError(SQLFixtures.definition("SELECT 1", parameters: "object")) != nil)
        #expect(loadError(SQLFixtures.definition("SELECT 1", parameters: ["type": "object", "properties": []])) != nil)
        let required: JSONValue = ["type": "object", "properties": [:], "required": ["ghost"]]
        #expect(try #require(loadError(SQLFixtures.definition("SELECT 1", parameters: required))).contains("\"ghost\""))
        #expect(loadError(SQLFixtures.definition("SELECT 1", maxRows: 0)) != nil)
        #expect(loadError(SQLFixtures.definition("   ")) != nil)
        #expect(try #require(loadError(SQLFixtures.definition("SELECT 'unterminated"))).contains("unterminated string"))
        #expect(loadError(SQLFixtures.definition("SELECT 1 /* open")) != nil)
        var noDescription = SQLFixtures.definition("SELECT 1")
        noDescription.description = " "
        #expect(loadError(noDescription) != nil)
        var wrongKind = SQLFixtures.definition("SELECT 1", name: "k")
        wrongKind.kind = "http"
        #expect(loadError(wrongKind) == "sql tool 'k': kind must be 'sql', got 'http'")
        wrongKind.kind = nil
        #expect(loadError(wrongKind) == nil)
        var noDatabase = SQLFixtures.definition("SELECT 1")
        noDatabase.database = ""
        #expect(loadError(noDatabase) != nil)
    }

    @Test("spec and policy come from the definition; the database resolves against the base directory")
    func specAndPolicy() throws {
        let schema: JSONValue = ["type": "object", "properties": ["q": ["type": "string"]], "additionalProperties": false]
        var definition = SQLFixtures.definition("SELECT :q", name: "echo", parameters: schema)
        definition.database = "../data/x.db"
        let tool = try SQLQueryTool(definition: definition, baseDirectory: URL(fileURLWithPath: "/srv/project/tools"))
        #expect(tool.spec.name == "echo")
        #expect(tool.spec.description == "Test tool over items.")
        #expect(tool.spec.parameters == schema)
        #expect(tool.policy == .readOnly)
        #expect(tool.databaseURL.path == "/srv/project/data/x.db")
        definition.database = "/abs/y.db"
        #expect(try SQLQueryTool(definition: definition, baseDirectory: base).databaseURL.path == "/abs/y.db")
    }
}
