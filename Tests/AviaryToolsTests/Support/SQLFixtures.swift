import AviaryCore
import AviaryTools
import Foundation

/// A small SQLite database for the SQL tool tests.
enum SQLFixtures {
    /// The seed script: an `items` table with every SQLite storage class.
    static let script = """
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            price REAL,
            qty INTEGER,
            note TEXT,
            data BLOB,
            tags TEXT
        );
        INSERT INTO items VALUES (1, 'apple', 0.5, 10, NULL, X'DEADBEEF', '["fruit","red"]');
        INSERT INTO items VALUES (2, 'banana', 0.25, 0, 'ripe; eat soon', NULL, '[]');
        INSERT INTO items VALUES (3, 'cherry', 3.75, 200, 'it''s sweet', NULL, '["fruit"]');
        WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 7)
        INSERT INTO items (id, name) SELECT v + 3, 'bulk ' || v FROM n;
        """

    /// Seeds `items.db` in `directory` and returns its URL.
    static func itemsDatabase(in directory: URL) async throws -> URL {
        let url = directory.appendingPathComponent("items.db")
        try await SQLDatabaseSeeder.seed(databaseAt: url, sql: script)
        return url
    }

    /// A definition over `items.db` with the given query and parameters.
    static func definition(
        _ query: String, name: String = "items_tool", parameters: JSONValue = SQLToolDefinition.emptyParameters,
        single: Bool? = nil, maxRows: Int? = nil, jsonColumns: [String]? = nil
    ) -> SQLToolDefinition {
        SQLToolDefinition(name: name, description: "Test tool over items.", database: "items.db", parameters: parameters,
                          query: query, single: single, maxRows: maxRows, jsonColumns: jsonColumns)
    }
}
