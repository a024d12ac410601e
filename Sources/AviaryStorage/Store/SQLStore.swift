import AviaryCore
import Foundation
import SQLKit

/// Aviary's store over SQLKit: runs, journal, events, sessions, transcripts and API keys.
///
/// One implementation for SQLite and PostgreSQL: the few dialect differences live in
/// `StoreDialect`. Every query that reads or changes user data filters by tenant, so another
/// tenant's rows read as absent and its writes change nothing. Writes that must land together
/// (a journal step and its events, a session's erasure, a transcript append) are atomic.
public struct SQLStore: RunStore, SessionStore, ConversationStore, KnowledgeStore {
    /// The database.
    public let database: any SQLDatabase
    /// Where the reads that must not wait behind commits go (knowledge-base queries): read-only
    /// connections on SQLite, the database itself on PostgreSQL.
    let reader: any SQLDatabase
    let dialect: StoreDialect

    /// Wraps a migrated database. Its `withSession` must give the closure a connection of its own
    /// (the store runs transactions there), as the databases of ``SQLiteStorage`` and
    /// ``PostgresStorage`` do.
    public init(database: any SQLDatabase) {
        self.init(database: database, dialect: StoreDialect(database))
    }

    init(database: any SQLDatabase, dialect: StoreDialect, reader: (any SQLDatabase)? = nil) {
        self.database = database
        self.dialect = dialect
        self.reader = reader ?? database
    }

    /// Runs `body` in a transaction (see `SQLDatabase.withTransaction`).
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.withTransaction(dialect, body)
    }

    func json(_ value: JSONValue?) -> String? { value?.jsonString }

    func parseJSON(_ text: String?, _ what: String) throws -> JSONValue? {
        guard let text else { return nil }
        do { return try JSONValue(parsing: text) } catch { throw StorageError.corrupt("\(what): \(error)") }
    }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
}
