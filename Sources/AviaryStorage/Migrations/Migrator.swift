import Foundation
import Logging
import SQLKit

/// Applies pending migrations in order and records each by name.
public struct Migrator: Sendable {
    private let database: any SQLDatabase
    private let migrations: [Migration]

    /// Creates a migrator over a database and an ordered list of migrations.
    public init(database: any SQLDatabase, migrations: [Migration] = AviaryMigrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// Names of migrations already applied.
    public func applied() async throws -> [String] {
        try await ensureTable()
        return try await database.raw("SELECT name FROM aviary_migrations ORDER BY name").all(decodingColumn: "name", as: String.self)
    }

    /// Applies every pending migration; returns the names applied now. Fails fast when the
    /// database has a migration this build does not know (a newer schema).
    @discardableResult
    public func migrate() async throws -> [String] {
        let done = Set(try await applied())
        let known = Set(migrations.map(\.name))
        if let unknown = done.subtracting(known).sorted().first {
            throw StorageError.unknownSchema("database has migration '\(unknown)' that this version of Aviary does not know; upgrade Aviary")
        }
        var appliedNow: [String] = []
        for migration in migrations where !done.contains(migration.name) {
            for statement in migration.statements {
                try await database.raw(SQLQueryString(statement)).run()
            }
            try await database.raw("INSERT INTO aviary_migrations (name, applied_at) VALUES (\(bind: migration.name), \(bind: Date().timeIntervalSince1970))").run()
            appliedNow.append(migration.name)
        }
        return appliedNow
    }

    private func ensureTable() async throws {
        try await database.raw("CREATE TABLE IF NOT EXISTS aviary_migrations (name TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)").run()
    }
}
