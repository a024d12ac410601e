import AviaryCore
import AviaryTools
import Foundation
import Testing

@Suite("SQLToolDefinition")
struct SQLToolDefinitionTests {
    @Test("decodes snake_case keys")
    func decode() throws {
        let json = """
            {"kind": "sql", "name": "recent", "description": "Recent rows.", "database": "../data/x.db",
             "parameters": {"type": "object", "properties": {"user_id": {"type": "string"}}, "required": ["user_id"]},
             "query": "SELECT 1 WHERE :user_id IS NOT NULL", "single": true, "max_rows": 7, "json_columns": ["tags"]}
            """
        let definition = try JSONValue(parsing: json).decode(as: SQLToolDefinition.self)
        #expect(definition.kind == "sql")
        #expect(definition.name == "recent")
        #expect(definition.database == "../data/x.db")
        #expect(definition.parameters["required"] == ["user_id"])
        #expect(definition.single == true)
        #expect(definition.maxRows == 7)
        #expect(definition.jsonColumns == ["tags"])
    }

    @Test("parameters default to an empty object schema; optional keys may be absent")
    func defaults() throws {
        let json = #"{"name": "n", "description": "d", "database": "x.db", "query": "SELECT 1"}"#
        let definition = try JSONValue(parsing: json).decode(as: SQLToolDefinition.self)
        #expect(definition.parameters == SQLToolDefinition.emptyParameters)
        #expect(definition.parameters["type"] == "object")
        #expect(definition.kind == nil && definition.single == nil && definition.maxRows == nil && definition.jsonColumns == nil)
    }

    @Test("encodes with snake_case keys and round-trips")
    func roundTrip() throws {
        let definition = SQLToolDefinition(name: "n", description: "d", database: "x.db", query: "SELECT 1", maxRows: 3, jsonColumns: ["a"])
        let encoded = try JSONValue(encoding: definition)
        #expect(encoded["max_rows"] == 3)
        #expect(encoded["json_columns"] == ["a"])
        #expect(encoded["maxRows"] == nil)
        #expect(try encoded.decode(as: SQLToolDefinition.self) == definition)
    }

    @Test("a missing required key fails to decode")
    func missingKey() throws {
        let json = #"{"name": "n", "description": "d", "query": "SELECT 1"}"#
        #expect(throws: DecodingError.self) { try JSONValue(parsing: json).decode(as: SQLToolDefinition.self) }
    }
}
