import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO
import Synchronization

/// Read-only connections to the store's SQLite file beside its one writer, for the reads that
/// must not queue behind the writer's batched commits (knowledge-base queries). In WAL mode a
/// reader sees the last committed state and never blocks the writer, nor the writer it. Each
/// statement runs on this database's own threads, on the next connection in turn; statements
/// are serialised and rows decoded as the writer does.
final class SQLiteReaderDatabase: SQLDatabase, Sendable {
    private let writer: DirectSQLiteDatabase
    private let connections: [Connection]
    private let nextConnection = Atomic<Int>(0)
    private let threads: NIOThreadPool

    /// Opens `count` read-only connections to `path` (the writer's file, already migrated).
    init(path: String, writer: DirectSQLiteDatabase, count: Int = 2) throws {
        self.writer = writer
        var connections: [Connection] = []
        for _ in 0..<max(1, count) { connections.append(Connection(handle: Mutex(try SQLiteHandle(readingOnly: path)))) }
        self.connections = connections
        threads = NIOThreadPool(numberOfThreads: max(1, count))
        threads.start()
    }

    var logger: Logger { writer.logger }
    var eventLoop: any EventLoop { writer.eventLoop }
    var dialect: any SQLDialect { writer.dialect }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = try writer.serialized(query)
        let index = nextConnection.wrappingAdd(1, ordering: .relaxed).oldValue % connections.count
        let outcome = try await threads.runIfActive { [connections] () throws -> SQLiteHandle.Outcome in
            try connections[index].handle.withLock { handle throws -> SQLiteHandle.Outcome in
                do { return try handle.run(sql, binds, waitForLocks: true) } catch { throw error }
            }
        }
        writer.deliver(outcome, onRow)
    }

    /// Closes the connections and stops the threads.
    func close() async {
        try? await threads.shutdownGracefully()
        for connection in connections { connection.handle.withLock { $0.close() } }
    }

    /// One read-only connection, used by one statement at a time.
    final class Connection: Sendable {
        let handle: Mutex<SQLiteHandle>
        init(handle: consuming Mutex<SQLiteHandle>) { self.handle = handle }
    }
}
