import Logging

/// The open store on whichever backend a ``StorageConfiguration`` names: PostgreSQL when it has a
/// URL, else the SQLite file. Migrated on open. The one entry point the application uses.
public final class AviaryDatabase: ClosableStorage {
    enum Backend: Sendable {
        case sqlite(SQLiteStorage)
        case postgres(PostgresStorage)
    }

    let backend: Backend
    /// What was opened, safe to print (no password).
    public let displayName: String

    private init(backend: Backend, displayName: String) {
        self.backend = backend
        self.displayName = displayName
    }

    /// The store.
    public var store: SQLStore {
        switch backend {
        case .sqlite(let s): s.store
        case .postgres(let p): p.store
        }
    }

    /// Migrations this open applied, in order (empty when the schema was up to date).
    public var appliedMigrations: [String] {
        switch backend {
        case .sqlite(let s): s.appliedMigrations
        case .postgres(let p): p.appliedMigrations
        }
    }

    /// True on PostgreSQL.
    public var isPostgres: Bool {
        if case .postgres = backend { return true }
        return false
    }

    /// Opens and migrates the configured database.
    public static func open(_ configuration: StorageConfiguration, logger: Logger = Logger(label: "aviary.storage")) async throws -> AviaryDatabase {
        if let postgres = configuration.postgres {
            let scheme = postgres.url.prefix { $0 != ":" }.lowercased()
            guard scheme.hasPrefix("postgres") else {
                throw StorageError.invalidConfiguration(
                    "database URL \(postgres.redactedURL) is not a PostgreSQL URL (postgres://user:password@host:5432/database); leave it unset for SQLite")
            }
            return AviaryDatabase(backend: .postgres(try await PostgresStorage.open(postgres, logger: logger)),
                                  displayName: configuration.displayName)
        }
        return AviaryDatabase(backend: .sqlite(try await SQLiteStorage.open(path: configuration.sqlitePath,
                                                                               coalescesWALWrites: configuration.coalescesWALWrites,
                                                                               logger: logger)),
                              displayName: configuration.displayName)
    }

    /// Opens the configured database, runs `body` and always closes it.
    public static func withDatabase<T: Sendable>(_ configuration: StorageConfiguration, logger: Logger = Logger(label: "aviary.storage"),
                                                 _ body: (AviaryDatabase) async throws -> T) async throws -> T {
        try await open(configuration, logger: logger).closing(after: body)
    }

    /// Closes the connection or pool.
    public func close() async throws {
        switch backend {
        case .sqlite(let s): try await s.close()
        case .postgres(let p): try await p.close()
        }
    }
}
