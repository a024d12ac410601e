import SQLKit

/// Everything the store does differently on SQLite and PostgreSQL; all other SQL is shared.
struct StoreDialect: Sendable {
    /// The engines Aviary runs on.
    enum Engine: Sendable { case sqlite, postgres }

    /// The engine behind a database (anything that is not PostgreSQL is treated as SQLite).
    let engine: Engine
    /// SQLite behind ``DirectSQLiteDatabase``: statements that must land together go to the
    /// connection as one atomic group (`GatedSQLDatabase.executeTogether`) instead of a transaction.
    let groupsWrites: Bool

    init(_ database: any SQLDatabase, groupsWrites: Bool = false) {
        engine = database.dialect.name == "postgresql" ? .postgres : .sqlite
        self.groupsWrites = groupsWrites && engine == .sqlite && database is GatedSQLDatabase
    }

    /// Opens a write transaction. SQLite takes the write lock at once (`BEGIN IMMEDIATE`), so a
    /// transaction never fails half-way upgrading a read lock when another process writes.
    var begin: SQLQueryString {
        switch engine {
        case .sqlite: "BEGIN IMMEDIATE"
        case .postgres: "BEGIN"
        }
    }

    /// PostgreSQL runs `INSERT`s inside `WITH`, so one statement can write a journal row and its
    /// events atomically, without a transaction's extra round trips.
    var hasWritableCTEs: Bool { engine == .postgres }

    /// A statement that serialises transactions touching `key` until they end, or nil when the
    /// transaction alone is enough. On SQLite a write transaction already excludes every other
    /// writer; on PostgreSQL this takes a transaction-scoped advisory lock on the key's hash.
    func lock(_ key: String) -> SQLQueryString? {
        switch engine {
        case .sqlite: nil
        case .postgres: "SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))"
        }
    }

    /// Ends a subquery that picks rows to claim: on PostgreSQL it locks them and skips rows another
    /// transaction has locked, so concurrent claimers take different rows instead of the same
    /// first ones (where all but one would come back short). SQLite serialises writers anyway.
    var claimRows: String {
        switch engine {
        case .sqlite: ""
        case .postgres: " FOR UPDATE SKIP LOCKED"
        }
    }

    /// The advisory lock that serialises migrations of one schema across processes (PostgreSQL).
    var migrationLock: SQLQueryString? {
        switch engine {
        case .sqlite: nil
        case .postgres: "SELECT pg_advisory_xact_lock(hashtextextended('aviary_migrations:' || COALESCE(current_schema(), ''), 0))"
        }
    }
}
