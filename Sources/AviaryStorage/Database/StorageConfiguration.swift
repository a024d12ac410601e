/// Where Aviary keeps runs, journals, events, sessions, transcripts and API keys.
public struct StorageConfiguration: Sendable, Hashable {
    /// A PostgreSQL URL, `postgres://user:password@host:5432/database` (`AVIARY_DATABASE_URL`).
    /// Default `nil`: the SQLite file at `sqlitePath`.
    public var url: String?
    /// The SQLite database file, used when `url` is nil. Default: `.aviary/aviary.sqlite`.
    public var sqlitePath: String
    /// PostgreSQL only: the schema for Aviary's tables, created when missing. Default `nil`: the
    /// role's `search_path` (usually `public`).
    public var postgresSchema: String?
    /// PostgreSQL only: pooled connections per event loop (one loop per core). Default 4.
    public var maxConnectionsPerEventLoop: Int
    /// SQLite only: open the file through the `aviary-wal` VFS, which writes each WAL commit to
    /// the file with one system call instead of one per page (`performance.coalesce_wal_writes`,
    /// `AVIARY_COALESCE_WAL_WRITES`). Turn it off to rule it out when diagnosing a storage
    /// problem; the file format is the same either way. Default `true`.
    public var coalescesWALWrites: Bool

    /// Creates a configuration.
    public init(url: String? = nil, sqlitePath: String = ".aviary/aviary.sqlite", postgresSchema: String? = nil,
                maxConnectionsPerEventLoop: Int = 4, coalescesWALWrites: Bool = true) {
        self.url = url
        self.sqlitePath = sqlitePath
        self.postgresSchema = postgresSchema
        self.maxConnectionsPerEventLoop = maxConnectionsPerEventLoop
        self.coalescesWALWrites = coalescesWALWrites
    }

    /// The PostgreSQL settings when `url` names a server, else nil.
    var postgres: PostgresStorage.Configuration? {
        guard let url, !url.isEmpty else { return nil }
        return PostgresStorage.Configuration(url: url, schema: postgresSchema, maxConnectionsPerEventLoop: maxConnectionsPerEventLoop)
    }

    /// Which database this names, safe to print: the SQLite path, or the URL without its password.
    public var displayName: String {
        if let postgres { return postgres.redactedURL }
        return "sqlite:\(sqlitePath)"
    }
}
