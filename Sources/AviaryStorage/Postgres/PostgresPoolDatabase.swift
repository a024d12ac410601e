@preconcurrency import AsyncKit
import Logging
import NIOCore
import PostgresKit
import SQLKit

/// A pool of PostgreSQL connections as one `SQLDatabase`.
///
/// Each statement borrows any free connection; `withSession` keeps one connection for its whole
/// closure, which is what a transaction needs. (postgres-kit's own pool database does not pin a
/// connection for `withSession` when called through `any SQLDatabase`.)
struct PostgresPoolDatabase: SQLDatabase {
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let statements: any SQLDatabase
    let logger: Logger

    init(pool: EventLoopGroupConnectionPool<PostgresConnectionSource>, logger: Logger) {
        self.pool = pool
        self.logger = logger
        self.statements = pool.database(logger: logger).sql(queryLogLevel: nil)
    }

    var eventLoop: any EventLoop { statements.eventLoop }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        statements.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await statements.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let logger = self.logger
        return try await pool.withConnection(logger: logger) { connection in
            connection.eventLoop.makeFutureWithTask {
                Unchecked(try await closure(connection.sql(queryLogLevel: nil, logger: logger)))
            }
        }.get().value
    }
}

/// Carries a value the caller knows stays on one task across a future.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
