import AviaryCore
import Foundation
import AviaryStorage
import SQLiteNIO

/// One lazily opened, reused read-only connection to a SQLite file (AviaryStorage's
/// ``ReadOnlySQLiteFile``).
///
/// Three independent guards make the connection read-only, so a statement that slipped past
/// load-time validation still cannot change anything:
/// 1. the file is opened with `SQLITE_OPEN_READONLY`;
/// 2. `PRAGMA query_only = ON`;
/// 3. an authorizer that allows only reads, selects, recursive CTEs and the functions of
///    ``SQLFunctionAllowlist`` and denies everything else at prepare time (writes, DDL, `ATTACH`,
///    `PRAGMA`, transactions, `load_extension`, `fts3_tokenizer`).
///
/// Queries run on a blocking thread pool, never on an event loop; cancelling the calling task
/// (the tool's timeout does) interrupts the running statement. The connection opens on first
/// use; concurrent callers share it, one query at a time. ``close()`` closes it.
actor ReadOnlySQLiteDatabase {
    /// One result row: column names and values.
    struct Row: Sendable {
        let columns: [String]
        let values: [SQLiteData]
        /// The value of a column by name.
        func column(_ name: String) -> SQLiteData? { columns.firstIndex(of: name).map { values[$0] } }
    }

    /// Absolute path of the database file.
    let path: String
    private var file: ReadOnlySQLiteFile?

    /// Creates a handle; nothing is opened until the first query.
    init(path: String) {
        self.path = path
    }

    /// Runs one statement with positional binds and returns its rows.
    ///
    /// - Throws: ``ToolError/notFound(_:)`` when the file does not exist;
    ///   ``ReadOnlySQLiteFile/Failure`` otherwise.
    func query(_ sql: String, _ binds: [SQLiteData]) async throws -> [Row] {
        let result = try await openIfNeeded().query(sql, binds)
        return result.rows.map { Row(columns: result.columns, values: $0) }
    }

    /// Closes the connection if it is open; the next query opens a new one.
    func close() {
        file = nil
    }

    private func openIfNeeded() throws -> ReadOnlySQLiteFile {
        if let file { return file }
        guard FileSystemProbe.kind(ofPath: path, followingLinks: true) == .file else {
            throw ToolError.notFound("database file '\(path)' does not exist")
        }
        let opened = try ReadOnlySQLiteFile(path: path, allowedFunctions: SQLFunctionAllowlist.names)
        file = opened
        return opened
    }
}
