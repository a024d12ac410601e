import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit
import Synchronization

/// The SQLite store's connection: SQLKit on top, `libsqlite3` called directly below.
///
/// A statement normally runs at once on the calling thread: a WAL commit with
/// `synchronous = NORMAL` does not wait for the disk and takes microseconds, less than handing the
/// statement to another thread and back (which SQLiteNIO does for every statement). Only when the
/// connection is in use by another caller, or another process holds the write lock, does the
/// statement move to the connection's own thread, which waits there (up to
/// ``lockWaitMilliseconds``) instead of on an event loop. Statements stay prepared between calls
/// (``SQLiteHandle``).
final class DirectSQLiteDatabase: SQLDatabase, Sendable {
    /// How long a statement waits for another process's lock before failing with `SQLITE_BUSY`.
    static let lockWaitMilliseconds: Int32 = 30_000

    let logger: Logger
    let eventLoop: any EventLoop
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    /// Statements that could not run at once and went to the connection's thread (for tests).
    var deferredStatements: Int { deferred.load(ordering: .relaxed) }

    private let handle: Mutex<SQLiteHandle>
    private let deferred = Atomic<Int>(0)
    private let thread: NIOThreadPool
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()

    /// Opens (creating if needed) the file; `thread` takes the statements that must wait.
    init(path: String, thread: NIOThreadPool, logger: Logger, eventLoop: any EventLoop) throws {
        handle = Mutex(try SQLiteHandle(path: path))
        self.thread = thread
        self.logger = logger
        self.eventLoop = eventLoop
    }

    /// Closes the connection; statements after this fail.
    func close() {
        handle.withLock { $0.close() }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, rawBinds) = serialize(query)
        let binds = try rawBinds.map(encode)
        var outcome = try handle.withLockIfAvailable { handle throws(DirectSQLiteError) in
            try handle.run(sql, binds, waitForLocks: false)
        }
        if outcome == nil || outcome?.isBusy == true {
            deferred.add(1, ordering: .relaxed)
            outcome = try await thread.runIfActive {
                try self.handle.withLock { handle throws(DirectSQLiteError) in try handle.run(sql, binds, waitForLocks: true) }
            }
        }
        guard case .rows(let columns, let rows)? = outcome, !rows.isEmpty else { return }
        let layout = DirectSQLiteRow.Layout(columns: columns)
        for values in rows { onRow(DirectSQLiteRow(layout: layout, values: values, decoder: decoder)) }
    }

    /// Binds as SQLite values; the common types skip `Encodable`'s dynamic machinery.
    private func encode(_ value: any Encodable & Sendable) throws -> SQLiteData {
        switch value {
        case let text as String: .text(text)
        case let number as Int: .integer(number)
        case let number as Double: .float(number)
        case let flag as Bool: .integer(flag ? 1 : 0)
        default: try encoder.encode(value)
        }
    }
}

extension SQLiteHandle.Outcome {
    var isBusy: Bool {
        if case .busy = self { return true }
        return false
    }
}
