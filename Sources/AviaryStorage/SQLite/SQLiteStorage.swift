import AviaryCore
import Foundation
import Logging
import NIOPosix
import SQLiteKit
import SQLKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

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
    let connection: DirectSQLiteDatabase
    private let readers: SQLiteReaderDatabase
    private let thread: NIOThreadPool

    private init(connection: DirectSQLiteDatabase, readers: SQLiteReaderDatabase, thread: NIOThreadPool, store: SQLStore, appliedMigrations: [String]) {
        self.connection = connection
        self.readers = readers
        self.thread = thread
        self.store = store
        self.appliedMigrations = appliedMigrations
    }

    /// The page size of a database this creates: 2 KiB instead of SQLite's 4 KiB. Every commit
    /// appends each page it changed to the WAL in full, and a run's commits change a few rows on the
    /// right edge of a few b-trees, so smaller pages mean fewer bytes written, checksummed, synced
    /// at checkpoints and copied back per row. Rows larger
    /// than a page spill to overflow pages either way; files created with another size keep it.
    public static let pageSize = 2048

    /// Opens (creating if needed) the database file, enables WAL and, unless `migrate` is false,
    /// applies pending migrations. `coalescesWALWrites` false opens it with SQLite's own VFS
    /// instead of `aviary-wal` (see ``StorageConfiguration/coalescesWALWrites``).
    public static func open(path: String, migrate: Bool = true, coalescesWALWrites: Bool = true,
                            logger: Logger = Logger(label: "aviary.storage")) async throws -> SQLiteStorage {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        // The database holds every tenant's data: a folder this creates is the owner's only
        // (0700), and so is a new database file (0600); SQLite gives its -wal and -shm files the
        // database file's mode. Existing folders and files keep theirs.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try createDatabaseFileIfMissing(path)
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let connection: DirectSQLiteDatabase
        do {
            connection = try DirectSQLiteDatabase(path: path, thread: thread, logger: logger,
                                                  eventLoop: MultiThreadedEventLoopGroup.singleton.any(),
                                                  coalescesWALWrites: coalescesWALWrites)
        } catch {
            try? await thread.shutdownGracefully()
            throw StorageError.open("cannot open SQLite database at \(path): \(error)")
        }
        do {
            // Another process holding the write lock (a CLI next to a server) is waited for, not an error:
            // see `DirectSQLiteDatabase.lockWaitMilliseconds`.
            // wal_autocheckpoint = 0: checkpoints run off the event loops (see `DirectSQLiteDatabase`).
            // page_size only applies to a new, empty file (it must come before WAL is enabled);
            // an existing database keeps its own — see `pageSize`.
            for pragma in ["PRAGMA page_size = \(pageSize)", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                           "PRAGMA foreign_keys = ON", "PRAGMA wal_autocheckpoint = 0",
                           // erased data is overwritten, not left in free pages of the file
                           "PRAGMA secure_delete = ON"] {
                try await connection.raw(SQLQueryString(pragma)).run()
            }
            let database = GatedSQLDatabase(base: connection, session: connection.unbatched, gate: ConnectionGate())
            let applied = migrate ? try await Migrator(database: database).migrate() : []
            let readers = try SQLiteReaderDatabase(path: path, writer: connection)
            let store = SQLStore(database: database, dialect: StoreDialect(database, groupsWrites: true), reader: readers)
            return SQLiteStorage(connection: connection, readers: readers, thread: thread, store: store, appliedMigrations: applied)
        } catch {
            connection.close()
            try? await thread.shutdownGracefully()
            throw error
        }
    }

    /// Opens the database, runs `body` and always closes it.
    public static func withStorage<T: Sendable>(path: String, coalescesWALWrites: Bool = true,
                                                logger: Logger = Logger(label: "aviary.storage"),
                                                _ body: (SQLiteStorage) async throws -> T) async throws -> T {
        try await open(path: path, coalescesWALWrites: coalescesWALWrites, logger: logger).closing(after: body)
    }

    /// Closes the connection and stops its thread.
    public func close() async throws {
        await readers.close()
        try await thread.shutdownGracefully()
        connection.close()
    }
}

/// Creates an empty database file (0600) unless one exists. `O_EXCL` makes this safe when
/// processes open a new database at once: `FileManager.createFile` writes through a temporary
/// file and a rename, which would replace a database another process had just created and
/// begun writing.
private func createDatabaseFileIfMissing(_ path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if fd >= 0 {
        close(fd)
    } else if errno != EEXIST {
        throw StorageError.open("cannot create the SQLite database file at \(path): \(String(cString: strerror(errno)))")
    }
}
