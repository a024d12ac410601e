import NIOPosix
import SQLiteNIO
import Synchronization
import VaporCSQLite

/// A connection to a SQLite file that can only read, for tools that query a user's database:
/// opened `SQLITE_OPEN_READONLY`, `PRAGMA query_only` on, and an authorizer that allows reads,
/// `SELECT`, recursive CTEs and the functions named in `allowedFunctions` and refuses everything
/// else when a statement is prepared. Queries run on NIO's blocking thread pool, never on an
/// event loop, one at a time; cancelling the calling task interrupts the running statement
/// (`sqlite3_interrupt`), so a tool's timeout ends a runaway query instead of leaving it to run.
public final class ReadOnlySQLiteFile: Sendable {
    /// Rows a query gave.
    public struct Rows: Sendable {
        /// Column names, in order.
        public let columns: [String]
        /// Each row's values, in column order.
        public let rows: [[SQLiteData]]
    }

    /// Why a query failed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// SQLite's message.
        public let message: String
        /// True when the query was interrupted because its task was cancelled (a timeout).
        public let interrupted: Bool
        public var description: String { message }
    }

    /// The largest string or blob a query may build or return: 16 MB.
    public static let maxValueBytes: Int32 = 16 << 20

    private let handle: Mutex<SQLiteHandle>
    /// The raw `sqlite3*`, only for `sqlite3_interrupt`, which SQLite allows from any thread
    /// while the connection is open; ``close()`` waits for a running query first.
    private nonisolated(unsafe) let raw: OpaquePointer
    private let policy: Unmanaged<AuthorizerPolicy>
    /// Called on the pool thread just before a statement runs (tests use it to cancel a running query).
    private let willRun: (@Sendable () -> Void)?

    /// Opens `path`. Throws ``Failure`` when the file cannot be opened.
    public convenience init(path: String, allowedFunctions: Set<String>) throws {
        try self.init(path: path, allowedFunctions: allowedFunctions, willRun: nil)
    }

    init(path: String, allowedFunctions: Set<String>, willRun: (@Sendable () -> Void)?) throws {
        self.willRun = willRun
        var opened: SQLiteHandle
        do { opened = try SQLiteHandle(readingOnly: path) } catch { throw Failure(message: error.message, interrupted: false) }
        guard let raw = opened.connection else { throw Failure(message: "the database is closed", interrupted: false) }
        let policy = Unmanaged.passRetained(AuthorizerPolicy(functions: Set(allowedFunctions.map { $0.lowercased() })))
        // a value a query builds (printf's width, replace, group_concat) stays far below SQLite's 1 GB default
        sqlite_nio_sqlite3_limit(raw, SQLITE_LIMIT_LENGTH, Self.maxValueBytes)
        do {
            _ = try opened.run("PRAGMA query_only = ON", [], waitForLocks: false)
        } catch {
            opened.close()
            policy.release()
            throw Failure(message: error.message, interrupted: false)
        }
        sqlite_nio_sqlite3_set_authorizer(raw, { context, action, first, second, _, _ in
            guard let context else { return SQLITE_DENY }
            let policy = Unmanaged<AuthorizerPolicy>.fromOpaque(context).takeUnretainedValue()
            return policy.allows(action, first.map { String(cString: $0) }, second.map { String(cString: $0) }) ? SQLITE_OK : SQLITE_DENY
        }, policy.toOpaque())
        self.raw = raw
        self.policy = policy
        self.handle = Mutex(opened)
    }

    deinit {
        handle.withLock { $0.close() }
        policy.release()
    }

    /// Runs one statement with positional binds. Cancelling the calling task interrupts it.
    public func query(_ sql: String, _ binds: [SQLiteData]) async throws -> Rows {
        let run = QueryState()
        return try await withTaskCancellationHandler {
            try Task.checkCancellation()
            return try await NIOThreadPool.singleton.runIfActive { [self] in
                guard run.start() else { throw CancellationError() }
                defer { run.finish() }
                willRun?()
                let outcome: SQLiteHandle.Outcome
                do throws(DirectSQLiteError) {
                    outcome = try handle.withLock { handle throws(DirectSQLiteError) in
                        try handle.run(sql, binds, waitForLocks: true)
                    }
                } catch {
                    let interrupted = error.code & 0xff == SQLITE_INTERRUPT
                    throw Failure(message: interrupted ? "the query was interrupted at its time limit" : error.message,
                                  interrupted: interrupted)
                }
                switch outcome {
                case .rows(let columns, let rows): return Rows(columns: columns, rows: rows)
                case .busy: throw Failure(message: "the database is locked by another connection", interrupted: false)
                }
            }
        } onCancel: {
            // SQLite forgets an interrupt that lands just before a statement starts, so it is
            // repeated until the query has ended.
            guard run.cancel() else { return }
            Task { [self] in
                while !run.isFinished {
                    sqlite_nio_sqlite3_interrupt(raw)
                    try? await Task.sleep(for: .milliseconds(5))
                }
            }
        }
    }
}

/// Where one query is: not started (a cancellation skips it), running (a cancellation interrupts
/// it) or finished.
private final class QueryState: Sendable {
    private let state = Mutex<(running: Bool, finished: Bool, cancelled: Bool)>((false, false, false))

    /// Marks the query running; false when it was cancelled before it started.
    func start() -> Bool { state.withLock { if $0.cancelled { return false }; $0.running = true; return true } }
    func finish() { state.withLock { $0.finished = true } }
    var isFinished: Bool { state.withLock { $0.finished } }
    /// Records the cancellation; true when the query runs now and must be interrupted.
    func cancel() -> Bool { state.withLock { $0.cancelled = true; return $0.running && !$0.finished } }
}

/// What the authorizer allows: reads and the listed functions.
private final class AuthorizerPolicy: Sendable {
    let functions: Set<String>
    init(functions: Set<String>) { self.functions = functions }

    func allows(_ action: Int32, _ first: String?, _ second: String?) -> Bool {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE: true
        case SQLITE_FUNCTION: second.map { functions.contains($0.lowercased()) } ?? false
        default: false
        }
    }
}
