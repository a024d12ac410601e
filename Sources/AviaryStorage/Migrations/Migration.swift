import SQLKit

/// One ordered, named schema change. Names are contracts: never rename or edit an applied one.
public struct Migration: Sendable {
    /// Unique, ordered name (`0001_initial`).
    public let name: String
    /// The statements, portable across SQLite and PostgreSQL.
    public let statements: [String]
    /// Statements only SQLite runs, after ``statements`` (full-text search: FTS5).
    public let sqlite: [String]
    /// Statements only PostgreSQL runs, after ``statements`` (full-text search: `tsvector`).
    public let postgres: [String]

    /// Creates a migration; keep engine-specific statements to what one engine cannot express like the other.
    public init(name: String, statements: [String], sqlite: [String] = [], postgres: [String] = []) {
        self.name = name
        self.statements = statements
        self.sqlite = sqlite
        self.postgres = postgres
    }
}
