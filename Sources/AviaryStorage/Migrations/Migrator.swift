import Foundation
import Logging
import SQLKit

/// Applies pending migrations in order and records each by name in `aviary_migrations`.
///
/// A run of the migrator is one transaction, so a failing migration leaves the schema as it was.
/// Concurrent migrators (several processes starting at once) queue: SQLite's write transaction
/// and, on PostgreSQL, an advisory lock per schema let one apply the migrations while the others
/// wait and then find nothing to do.
public struct Migrator: Sendable {
    private let database: any SQLDatabase
    private let migrations: [Migration]

    /// Creates a migrator over a database and an ordered list of migrations.
    public init(database: any SQLDatabase, migrations: [Migration] = AviaryMigrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// Names of migrations already applied, in order.
    public func applied() async throws -> [String] {
        try await database.withTransaction(StoreDialect(database)) { db in
            try await Self.prepare(db)
            return try await Self.appliedNames(db)
        }
    }

    /// Applies every pending migration; returns the names applied now. Fails fast, changing
    /// nothing, when the database has a migration this build does not know (a newer schema).
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrations = self.migrations
        return try await database.withTransaction(StoreDialect(database)) { db in
            try await Self.prepare(db)
            let done = Set(try await Self.appliedNames(db))
            let known = Set(migrations.map(\.name))
            if let unknown = done.subtracting(known).sorted().first {
                throw StorageError.unknownSchema(
                    "database has migration '\(unknown)' that this version of Aviary does not know; upgrade Aviary")
            }
            var appliedNow: [String] = []
            for migration in migrations where !done.contains(migration.name) {
                let engine = StoreDialect(db).engine == .postgres ? migration.postgres : migration.sqlite
                for statement in migration.statements + engine {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("""
                    INSERT INTO aviary_migrations (name, applied_at) VALUES (\(bind: migration.name), \(bind: Date().timeIntervalSince1970))
                    """).run()
                appliedNow.append(migration.name)
            }
            return appliedNow
        }
    }

    /// Takes the migration lock (PostgreSQL) and creates the bookkeeping table when missing.
    private static func prepare(_ db: any SQLDatabase) async throws {
        if let lock = StoreDialect(db).migrationLock { try await db.raw(lock).run() }
        try await db.raw("CREATE TABLE IF NOT EXISTS aviary_migrations (name TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)").run()
    }

    private static func appliedNames(_ db: any SQLDatabase) async throws -> [String] {
        try await db.raw("SELECT name FROM aviary_migrations ORDER BY name").all(decodingColumn: "name", as: String.self)
    }
}
