import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLKit
import Synchronization

/// The SQLite store's connection: SQLKit on top, `libsqlite3` called directly below.
///
/// **Group commit.** Statements of concurrent callers that arrive while the connection is busy
/// queue up and run together in one transaction (``SQLiteHandle/runBatch(_:waitForLocks:)``): one
/// commit, one WAL append and one lock cycle for all of them, and each caller still gets its own
/// result, only after the commit. A caller may hand in several statements that must land
/// together (``executeTogether(_:)``). The caller that finds the connection idle runs the batch on its
/// own thread — a WAL commit with `synchronous = NORMAL` does not wait for the disk and takes
/// microseconds, less than handing statements to another thread and back, which SQLiteNIO does for
/// every statement — and the others wait without blocking their threads, then continue on their
/// own event loops.
///
/// **Waiting for locks.** When another process holds the write lock, the batch moves to the
/// connection's own thread, which waits there (up to ``lockWaitMilliseconds``) instead of on an
/// event loop. Statements stay prepared between calls (``SQLiteHandle``).
///
/// **Checkpoints.** With `PRAGMA wal_autocheckpoint = 0` on this connection (``SQLiteStorage`` sets
/// it), SQLite no longer copies the WAL back into the database file — and `fsync`s it — inline on
/// whichever event loop commits; instead, every ``checkpointEvery`` statements a passive checkpoint
/// runs from a second connection on the connection's thread, beside the writers; then this
/// connection copies the few frames committed meanwhile, between two batches on its thread, so its
/// next write starts the WAL over instead of growing it (see ``didRun(_:)``).
///
/// Statements of a transaction the caller opens itself go through ``unbatched`` (never into a
/// batch's transaction); ``GatedSQLDatabase`` keeps them apart from batched ones.
final class DirectSQLiteDatabase: SQLDatabase, Sendable {
    /// How long a statement waits for another process's lock before failing with `SQLITE_BUSY`.
    static let lockWaitMilliseconds: Int32 = 30_000
    /// Statements between two checkpoints (each commit appends a few pages to the WAL).
    static let checkpointEvery = 1024
    /// WAL frames (4 KiB pages) from which a checkpoint also makes the WAL start over: a few
    /// checkpoints' worth, so the writers' short wait for it (see ``didRun(_:)``) is rare while the
    /// file stays small and cached.
    static let restartAfterFrames = 4096
    /// Copies what no reader needs any more, never waits for a lock; answers busy, frames in the
    /// WAL, frames copied.
    private static let passiveCheckpoint = "PRAGMA wal_checkpoint(PASSIVE)"

    let logger: Logger
    let eventLoop: any EventLoop
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    /// Statements that found another process's lock and went to the connection's thread (for tests).
    var deferredStatements: Int { deferred.load(ordering: .relaxed) }
    /// Checkpoints run from the second connection (for tests).
    var checkpoints: Int { checkpointsDone.load(ordering: .relaxed) }

    /// A view of this connection whose statements run on their own, never batched.
    var unbatched: any SQLDatabase { Unbatched(database: self) }

    private struct Waiter {
        let statements: [(sql: String, binds: [SQLiteData])]
        let continuation: CheckedContinuation<[SQLiteHandle.Outcome], any Error>
        let loop: (any EventLoop)?
    }

    private struct Queue {
        var waiters: [Waiter] = []
        var draining = false
        /// The second connection has checkpointed; the last frames are to be checkpointed from this
        /// connection on its thread, between two batches (see ``didRun(_:)``).
        var catchUpDue = false
    }

    /// What the drain does next.
    private enum Next {
        case idle
        case batch([Waiter])
        /// The catch-up checkpoint is due and the drain is on an event loop: the thread takes over.
        case handOver
        /// The catch-up checkpoint (on the thread), then the waiters that queued meanwhile.
        case catchUp
    }

    private let handle: Mutex<SQLiteHandle>
    private let queue = Mutex(Queue())
    private let thread: NIOThreadPool
    private let encoder = SQLiteDataEncoder()
    private let decoder = SQLiteDataDecoder()
    private let deferred = Atomic<Int>(0)
    private let path: String
    private let checkpointer = Mutex<SQLiteHandle?>(nil)
    private let sinceCheckpoint = Atomic<Int>(0)
    private let checkpointing = Atomic<Bool>(false)
    private let checkpointsDone = Atomic<Int>(0)
    private let restartFrames: Int
    private let coalescesWALWrites: Bool

    /// Opens (creating if needed) the file; `thread` takes the statements that must wait.
    /// `restartAfterFrames` is for tests (``restartAfterFrames`` otherwise).
    init(path: String, thread: NIOThreadPool, logger: Logger, eventLoop: any EventLoop, coalescesWALWrites: Bool = true,
         restartAfterFrames: Int = DirectSQLiteDatabase.restartAfterFrames) throws {
        handle = Mutex(try SQLiteHandle(path: path, coalescesWALWrites: coalescesWALWrites))
        self.path = path
        self.coalescesWALWrites = coalescesWALWrites
        self.restartFrames = restartAfterFrames
        self.thread = thread
        self.logger = logger
        self.eventLoop = eventLoop
    }

    /// The VFS of the writer connection (`aviary-wal` or SQLite's `unix`).
    var vfsName: String? { handle.withLock { $0.vfsName } }

    /// Closes the connection; statements after this fail.
    func close() {
        checkpointer.withLock { $0?.close() }
        handle.withLock { $0.close() }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let outcomes = try await submit([try serialized(query)])
        deliver(outcomes[0], onRow)
    }

    /// Runs statements one after the other, atomically: they are committed together (with the
    /// rest of their batch), or, if one fails, none of them lands. Throws the first failure; rows
    /// are discarded.
    func executeTogether(_ queries: [any SQLExpression]) async throws {
        guard !queries.isEmpty else { return }
        _ = try await submit(try queries.map(serialized))
    }

    /// Queues statements for the next batch and waits for its commit; leads the batch when the
    /// connection is idle. On an event loop the leader starts the batch behind the work already
    /// queued there, so the writes that work makes join this commit instead of waiting for the next.
    private func submit(_ statements: [(sql: String, binds: [SQLiteData])]) async throws -> [SQLiteHandle.Outcome] {
        try await withCheckedThrowingContinuation { continuation in
            let loop = MultiThreadedEventLoopGroup.currentEventLoop
            let leads = queue.withLock { queue in
                queue.waiters.append(Waiter(statements: statements, continuation: continuation, loop: loop))
                defer { queue.draining = true }
                return !queue.draining
            }
            guard leads else { return }
            if let loop {
                loop.execute { self.drain(onThread: false) }
            } else {
                drain(onThread: false)
            }
        }
    }

    /// Runs one statement on its own (inside a caller's transaction).
    fileprivate func executeAlone(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = try serialized(query)
        var outcome = try handle.withLock { handle throws(DirectSQLiteError) in try handle.run(sql, binds, waitForLocks: false) }
        if case .busy = outcome {
            deferred.add(1, ordering: .relaxed)
            outcome = try await thread.runIfActive {
                try self.handle.withLock { handle throws(DirectSQLiteError) in try handle.run(sql, binds, waitForLocks: true) }
            }
        }
        didRun(1)
        deliver(outcome, onRow)
    }

    /// Runs the queued statements as batches until none are left. On an event loop it runs one
    /// batch and schedules the next behind the loop's other work, so it never starves the loop;
    /// elsewhere the connection's thread drains what follows the first batch. Only on that thread
    /// may a batch wait for another process's lock.
    private func drain(onThread: Bool) {
        while true {
            let next = queue.withLock { queue -> Next in
                if queue.catchUpDue {
                    guard onThread else { return .handOver }
                    queue.catchUpDue = false
                    return .catchUp
                }
                guard !queue.waiters.isEmpty else {
                    queue.draining = false
                    return .idle
                }
                defer { queue.waiters.removeAll(keepingCapacity: true) }
                return .batch(queue.waiters)
            }
            let batch: [Waiter]
            switch next {
            case .idle: return
            case .handOver: return drainOnThread()
            case .catchUp:
                handle.withLock { _ = try? $0.run(Self.passiveCheckpoint, [], waitForLocks: false) }
                continue
            case .batch(let waiters): batch = waiters
            }
            let statements = batch.reduce(0) { $0 + $1.statements.count }
            let results = handle.withLock { $0.runBatch(batch.map(\.statements), waitForLocks: onThread) }
            guard let results else {
                // Another process holds the write lock: wait for it on the connection's thread.
                queue.withLock { $0.waiters.insert(contentsOf: batch, at: 0) }
                deferred.add(statements, ordering: .relaxed)
                return drainOnThread()
            }
            didRun(statements)
            let current = MultiThreadedEventLoopGroup.currentEventLoop
            for (waiter, own) in zip(batch, results) {
                let result = own.mapError { $0 as any Error }
                if let loop = waiter.loop, loop !== current {
                    loop.execute { waiter.continuation.resume(with: result) }
                } else {
                    waiter.continuation.resume(with: result)
                }
            }
            if let current {
                current.execute { self.drain(onThread: false) }
                return
            }
            // Not on an event loop (Swift's cooperative pool): the connection's thread takes over the
            // draining, so this caller's task is not held up by other callers' statements.
            if !onThread { return drainOnThread() }
        }
    }

    private func drainOnThread() {
        thread.submit { state in
            guard state == .active else { return self.failQueued(StorageError.open("the SQLite store is closed")) }
            self.drain(onThread: true)
        }
    }

    /// Counts statements and starts a checkpoint on the connection's thread when enough ran.
    ///
    /// The second connection copies the WAL into the database file beside the writers (PASSIVE:
    /// it never waits for them). Writers commit meanwhile, so afterwards a few frames are still
    /// only in the WAL — and SQLite starts the WAL from its beginning again only when a write
    /// finds every frame copied, so without more the file would grow for as long as writes keep
    /// coming (hundreds of megabytes in seconds under `aviary bench`), each write a new block. So this
    /// connection checkpoints those last frames itself, on its thread between two batches, and
    /// its next write restarts the WAL, rewriting pages the OS still has cached. Writers queue for
    /// those few pages' copy (and two `fsync`s; no event loop waits), so this happens only once the
    /// WAL holds ``restartAfterFrames``.
    private func didRun(_ count: Int) {
        guard sinceCheckpoint.add(count, ordering: .relaxed).newValue >= Self.checkpointEvery,
              checkpointing.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        sinceCheckpoint.store(0, ordering: .relaxed)
        thread.submit { state in
            defer { self.checkpointing.store(false, ordering: .releasing) }
            guard state == .active else { return }
            let outcome = self.checkpointer.withLock { checkpointer -> SQLiteHandle.Outcome? in
                if checkpointer == nil { checkpointer = try? SQLiteHandle(path: self.path, coalescesWALWrites: self.coalescesWALWrites) }
                return try? checkpointer?.run(Self.passiveCheckpoint, [], waitForLocks: false)
            }
            guard case .rows(_, let rows) = outcome, let row = rows.first, row.count == 3 else { return }
            self.checkpointsDone.add(1, ordering: .relaxed)
            guard case .integer(let frames) = row[1], frames >= self.restartFrames else { return }
            let leads = self.queue.withLock { queue in
                queue.catchUpDue = true
                defer { queue.draining = true }
                return !queue.draining
            }
            if leads { self.drain(onThread: true) }
        }
    }

    private func failQueued(_ error: any Error) {
        let waiters = queue.withLock { queue in
            defer {
                queue.waiters = []
                queue.draining = false
            }
            return queue.waiters
        }
        for waiter in waiters { waiter.continuation.resume(throwing: error) }
    }

    func serialized(_ query: any SQLExpression) throws -> (String, [SQLiteData]) {
        if let statement = query as? SQLStatement { return (statement.sql, statement.values.map(\.sqlite)) }
        let (sql, rawBinds) = serialize(query)
        return (sql, try rawBinds.map(encode))
    }

    func deliver(_ outcome: SQLiteHandle.Outcome, _ onRow: @Sendable (any SQLRow) -> Void) {
        guard case .rows(let columns, let rows) = outcome, !rows.isEmpty else { return }
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

/// ``DirectSQLiteDatabase`` for statements that must not join a batch.
private struct Unbatched: SQLDatabase {
    let database: DirectSQLiteDatabase

    var logger: Logger { database.logger }
    var eventLoop: any EventLoop { database.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { database.version }
    var dialect: any SQLDialect { database.dialect }
    var queryLogLevel: Logger.Level? { database.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await database.executeAlone(sql: query, onRow)
    }
}
