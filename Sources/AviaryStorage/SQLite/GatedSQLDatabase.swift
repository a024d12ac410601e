import Logging
import NIOCore
import SQLKit

/// One SQLite connection shared by every caller of the store.
///
/// Statements run as they come (SQLite serialises them on the connection); `withSession` gives
/// its closure the connection to itself, so a transaction opened there never takes in another
/// caller's statements and two transactions never nest. Inside the closure, use the database it
/// receives: this one would wait for the session to end.
struct GatedSQLDatabase: SQLDatabase {
    /// The connection's database.
    let base: any SQLDatabase
    /// The same connection for a session's statements (which must not be batched with others').
    let session: any SQLDatabase
    /// Who may use the connection now.
    let gate: ConnectionGate

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await gate.withShared { try await base.execute(sql: query, onRow) }
    }

    /// Runs statements one after the other, atomically (see ``DirectSQLiteDatabase/executeTogether(_:)``).
    func executeTogether(_ queries: [any SQLExpression]) async throws {
        guard let direct = base as? DirectSQLiteDatabase else {
            return try await withTransaction(StoreDialect(self)) { db in
                for query in queries { try await db.execute(sql: query) { _ in } }
            }
        }
        try await gate.withShared { try await direct.executeTogether(queries) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await gate.withExclusive { try await closure(session) }
    }
}
