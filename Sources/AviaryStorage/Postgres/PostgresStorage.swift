@preconcurrency import AsyncKit
import AviaryCore
import Foundation
import Logging
import NIOPosix
import PostgresKit
import SQLKit

/// The store on PostgreSQL: a connection pool, migrated on open.
///
/// Several processes may open the same database at once: migrations run in one transaction
/// under an advisory lock per schema, so one process applies them and the others find them done.
public final class PostgresStorage: ClosableStorage {
    /// The store over this database.
    public let store: SQLStore
    /// Migrations this open applied (empty when the schema was up to date or `migrate` was false).
    public let appliedMigrations: [String]
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>

    private init(pool: EventLoopGroupConnectionPool<PostgresConnectionSource>, store: SQLStore, appliedMigrations: [String]) {
        self.pool = pool
        self.store = store
        self.appliedMigrations = appliedMigrations
    }

    /// Connects to the database (creating `schema` when set and missing) and, unless `migrate`
    /// is false, applies pending migrations.
    public static func open(_ configuration: Configuration, migrate: Bool = true,
                            logger: Logger = Logger(label: "aviary.storage")) async throws -> PostgresStorage {
        var sql: SQLPostgresConfiguration
        do {
            sql = try SQLPostgresConfiguration(url: configuration.connectionURL)
        } catch {
            throw StorageError.invalidConfiguration(
                "not a PostgreSQL URL: \(configuration.redactedURL) (expected postgres://user:password@host:5432/database)")
        }
        if let schema = configuration.schema { sql.searchPath = [schema] }
        let pool = EventLoopGroupConnectionPool(source: PostgresConnectionSource(sqlConfiguration: sql),
                                                maxConnectionsPerEventLoop: max(1, configuration.maxConnectionsPerEventLoop),
                                                logger: logger, on: MultiThreadedEventLoopGroup.singleton)
        let database = PostgresPoolDatabase(pool: pool, logger: logger)
        do {
            if let schema = configuration.schema { try await createSchema(schema, in: database) }
            let applied = migrate ? try await Migrator(database: database).migrate() : []
            return PostgresStorage(pool: pool, store: SQLStore(database: database), appliedMigrations: applied)
        } catch {
            try? await pool.shutdownAsync()
            if error is StorageError { throw error }
            throw StorageError.open("cannot open PostgreSQL database \(configuration.redactedURL): \(String(reflecting: error))")
        }
    }

    /// Opens the database, runs `body` and always closes it.
    public static func withStorage<T: Sendable>(_ configuration: Configuration, logger: Logger = Logger(label: "aviary.storage"),
                                                _ body: (PostgresStorage) async throws -> T) async throws -> T {
        try await open(configuration, logger: logger).closing(after: body)
    }

    /// Closes every pooled connection.
    public func close() async throws {
        try await pool.shutdownAsync()
    }

    /// `CREATE SCHEMA IF NOT EXISTS` can still collide with a concurrent creator: then the schema exists.
    private static func createSchema(_ schema: String, in database: any SQLDatabase) async throws {
        do {
            try await database.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        } catch {
            let exists = try await database.raw("SELECT 1 AS found FROM pg_namespace WHERE nspname = \(bind: schema)").first()
            if exists == nil { throw error }
        }
    }
}
