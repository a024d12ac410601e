import AviaryCore
import Foundation
import Logging
import NIOPosix
import SQLiteKit
import SQLKit

/// The embedded default store: one SQLite file in WAL mode, migrated on open.
///
/// One connection serves every caller; statements share it and transactions get it to
/// themselves (see `GatedSQLDatabase`), so many concurrent runs can write through one store.
/// The connection has a thread of its own: SQLite runs one statement at a time on it anyway, and
/// a statement waiting for another process's write lock blocks only this database.
public final class SQLiteStorage: Sendable {
    /// The store over this database.
    public let store: SQLStore
    /// Migrations this open applied (empty when the file was up to date or `migrate` was false).
    public let appliedMigrations: [String]
    private let connection: SQLiteConnection
    private let thread: NIOThreadPool

    private init(connection: SQLiteConnection, thread: NIOThreadPool, store: SQLStore, appliedMigrations: [String]) {
        self.connection = connection
        self.thread = thread
        self.store = store
        self.appliedMigrations = appliedMigrations
    }

    /// Opens (creating if needed) the database file, enables WAL and, unless `migrate` is false,
    /// applies pending migrations.
    public static func open(path: String, migrate: Bool = true, logger: Logger = Logger(label: "aviary.storage")) async throws -> SQLiteStorage {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: thread, logger: logger,
                                                         on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await thread.shutdownGracefully()
            throw StorageError.open("cannot open SQLite database at \(path): \(error)")
        }
        do {
            // busy_timeout: another process holding the write lock (a CLI next to a server) is waited for, not an error.
            for pragma in ["PRAGMA busy_timeout = 30000", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                           "PRAGMA foreign_keys = ON"] {
                _ = try await connection.query(pragma, [])
            }
            let database = GatedSQLDatabase(base: connection.sql(queryLogLevel: nil), gate: ConnectionGate())
            let applied = migrate ? try await Migrator(database: database).migrate() : []
            if migrate {
                for statement in SQLiteJournalRecord.install { try await database.raw(statement).run() }
            }
            let store = SQLStore(database: database, dialect: StoreDialect(database, journalRecordView: migrate))
            return SQLiteStorage(connection: connection, thread: thread, store: store, appliedMigrations: applied)
        } catch {
            try? await connection.close()
            try? await thread.shutdownGracefully()
            throw error
        }
    }

    /// Opens the database, runs `body` and always closes it.
    public static func withStorage<T: Sendable>(path: String, logger: Logger = Logger(label: "aviary.storage"),
                                                _ body: (SQLiteStorage) async throws -> T) async throws -> T {
        let storage = try await open(path: path, logger: logger)
        do {
            let result = try await body(storage)
            try await storage.close()
            return result
        } catch {
            try? await storage.close()
            throw error
        }
    }

    /// Closes the connection and stops its thread.
    public func close() async throws {
        do {
            try await connection.close()
        } catch {
            try? await thread.shutdownGracefully()
            throw error
        }
        try await thread.shutdownGracefully()
    }
}
