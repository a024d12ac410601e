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
/// Statements run on the caller's thread with their prepared form cached
/// (``DirectSQLiteDatabase``); the connection has a thread of its own for statements that must
/// wait, so a statement waiting for another process's write lock blocks only this database.
public final class SQLiteStorage: ClosableStorage {
    /// The store over this database.
    public let store: SQLStore
    /// Migrations this open applied (empty when the file was up to date or `migrate` was false).
    public let appliedMigrations: [String]
    private let connection: DirectSQLiteDatabase
    private let thread: NIOThreadPool

    private init(connection: DirectSQLiteDatabase, thread: NIOThreadPool, store: SQLStore, appliedMigrations: [String]) {
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
        let connection: DirectSQLiteDatabase
        do {
            connection = try DirectSQLiteDatabase(path: path, thread: thread, logger: logger,
                                                  eventLoop: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await thread.shutdownGracefully()
            throw StorageError.open("cannot open SQLite database at \(path): \(error)")
        }
        do {
            // Another process holding the write lock (a CLI next to a server) is waited for, not an error:
            // see `DirectSQLiteDatabase.lockWaitMilliseconds`.
            // wal_autocheckpoint = 0: checkpoints run off the event loops (see `DirectSQLiteDatabase`).
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
                           "PRAGMA wal_autocheckpoint = 0"] {
                try await connection.raw(SQLQueryString(pragma)).run()
            }
            let database = GatedSQLDatabase(base: connection, session: connection.unbatched, gate: ConnectionGate())
            let applied = migrate ? try await Migrator(database: database).migrate() : []
            let store = SQLStore(database: database, dialect: StoreDialect(database, groupsWrites: true))
            return SQLiteStorage(connection: connection, thread: thread, store: store, appliedMigrations: applied)
        } catch {
            connection.close()
            try? await thread.shutdownGracefully()
            throw error
        }
    }

    /// Opens the database, runs `body` and always closes it.
    public static func withStorage<T: Sendable>(path: String, logger: Logger = Logger(label: "aviary.storage"),
                                                _ body: (SQLiteStorage) async throws -> T) async throws -> T {
        try await open(path: path, logger: logger).closing(after: body)
    }

    /// Closes the connection and stops its thread.
    public func close() async throws {
        try await thread.shutdownGracefully()
        connection.close()
    }
}
