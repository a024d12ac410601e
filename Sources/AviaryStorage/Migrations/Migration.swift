import SQLKit

/// One ordered, named schema change. Names are contracts: never rename or edit an applied one.
public struct Migration: Sendable {
    /// Unique, ordered name (`0001_initial`).
    public let name: String
    /// The statements, portable across SQLite and PostgreSQL.
    public let statements: [String]

    /// Creates a migration.
    public init(name: String, statements: [String]) {
        self.name = name
        self.statements = statements
    }
}
