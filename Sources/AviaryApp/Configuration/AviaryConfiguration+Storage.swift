import AviaryStorage

extension AviaryConfiguration {
    /// The database to open: PostgreSQL at `databaseURL` when set, else the SQLite file at `databasePath`.
    public var storage: StorageConfiguration {
        StorageConfiguration(url: databaseURL, sqlitePath: databasePath, coalescesWALWrites: performance.coalescesWALWrites)
    }
}
