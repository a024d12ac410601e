import AviaryCore
import Foundation
import Logging
import NIOPosix
import SQLiteKit
import SQLKit

/// The embedded default store: one SQLite file in WAL mode, migrated on open.
public final class SQLiteStorage: Sendable {
    /// The store over this database.
    public let store: SQLStore
    private let connection: SQLiteConnection

    private init(connection: SQLiteConnection, logger: Logger) {
        self.connection = connection
        self.store = SQLStore(database: connection.sql(queryLogLevel: nil))
    }

    /// Opens (creating if needed) the database file, enables WAL and migrates it.
    public static func open(path: String, logger: Logger = Logger(label: "aviary.storage")) async throws -> SQLiteStorage {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
        } catch {
            throw StorageError.open("cannot open SQLite database at \(path): \(error)")
        }
        let storage = SQLiteStorage(connection: connection, logger: logger)
        do {
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"] {
                _ = try await connection.query(pragma).get()
            }
            try await Migrator(database: storage.store.database).migrate()
        } catch {
            try? await connection.close().get()
            throw error
        }
        return storage
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

    /// Closes the connection.
    public func close() async throws {
        try await connection.close().get()
    }
}
