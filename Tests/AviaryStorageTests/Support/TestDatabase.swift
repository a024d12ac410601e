import AviaryCore
@testable import AviaryStorage
import AviaryTestSupport
import Foundation
import SQLKit

/// A private, empty database for one test: a SQLite file in a temporary folder, or a schema of
/// its own in the PostgreSQL test database, dropped at the end.
struct TestDatabase: Sendable {
    let backend: Backend
    /// Opens this database through the application's entry point.
    let configuration: StorageConfiguration

    /// Creates the database, runs `body`, then deletes it.
    static func with<T: Sendable>(_ backend: Backend, _ body: (TestDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite:
            return try await withTemporaryDirectory { dir in
                let path = dir.appendingPathComponent("aviary.sqlite").path
                return try await body(TestDatabase(backend: .sqlite, configuration: StorageConfiguration(sqlitePath: path)))
            }
        case .postgres:
            guard let url = TestEnvironment.postgresURL else {
                throw TestSetupError(description: "AVIARY_TEST_POSTGRES_URL is not set but CI=true: the PostgreSQL tests must run in CI (scripts/with-postgres.sh starts a server)")
            }
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            // An unmigrated handle on the schema creates it now and drops it at the end, whatever the test did to it.
            let owner = try await PostgresStorage.open(.init(url: url, schema: schema, maxConnectionsPerEventLoop: 1), migrate: false)
            let database = TestDatabase(backend: .postgres, configuration: StorageConfiguration(
                url: url, postgresSchema: schema, maxConnectionsPerEventLoop: 2))
            do {
                let result = try await body(database)
                try await owner.store.database.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
                try await owner.close()
                return result
            } catch {
                _ = try? await owner.store.database.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
                try? await owner.close()
                throw error
            }
        }
    }

    /// Opens (and migrates) the database for `body`, closing it after.
    func open<T: Sendable>(_ body: (AviaryDatabase) async throws -> T) async throws -> T {
        try await AviaryDatabase.withDatabase(configuration, body)
    }
}

/// Runs `body` with a store over a fresh database of `backend`.
func withStore<T: Sendable>(_ backend: Backend, _ body: (SQLStore) async throws -> T) async throws -> T {
    try await TestDatabase.with(backend) { database in
        try await database.open { try await body($0.store) }
    }
}

extension TestDatabase {
    /// Opens the database without migrating it, for `body`.
    func openUnmigrated<T: Sendable>(_ body: (SQLStore) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite:
            try await SQLiteStorage.open(path: configuration.sqlitePath, migrate: false).closing { try await body($0.store) }
        case .postgres:
            try await PostgresStorage.open(.init(url: configuration.url ?? "", schema: configuration.postgresSchema), migrate: false)
                .closing { try await body($0.store) }
        }
    }
}

extension SQLStore {
    /// The definitions (`CREATE INDEX …`) of the index `name` in this store's schema: none when
    /// it does not exist.
    func indexDefinitions(_ name: String, backend: Backend) async throws -> [String] {
        let sql: SQLQueryString = backend == .sqlite
            ? "SELECT sql AS definition FROM sqlite_master WHERE type = 'index' AND name = \(bind: name)"
            : "SELECT indexdef AS definition FROM pg_indexes WHERE indexname = \(bind: name) AND schemaname = current_schema()"
        return try await database.raw(sql).all().map { try $0.decode(column: "definition", as: String.self) }
    }
}
