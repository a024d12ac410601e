import AviarySQLiteWAL
import NIOCore
import SQLiteNIO
import VaporCSQLite

/// An open `sqlite3` connection with a cache of prepared statements, used by one caller at a time
/// (``DirectSQLiteDatabase`` keeps it behind a mutex) and closed explicitly.
///
/// The store issues a handful of fixed statements over and over; keeping them prepared saves
/// SQLite parsing and planning the same SQL text again on every execution.
struct SQLiteHandle {
    /// What running a statement gave.
    enum Outcome: Equatable {
        /// The statement finished; these are its rows.
        case rows(columns: [String], rows: [[SQLiteData]])
        /// Another connection holds the lock and this attempt was not allowed to wait.
        case busy
    }

    /// Statements kept prepared at most; beyond that the cache starts afresh (SQL built with a
    /// varying number of binds would otherwise grow it without bound).
    static let cacheLimit = 128

    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private var waitsForLocks = true

    /// Opens (creating if needed) the file. With `coalescesWALWrites` (the default) the connection
    /// uses the `aviary-wal` VFS (``AviarySQLiteWAL``), which hands each WAL commit to the file in
    /// one write; without it, SQLite's default VFS.
    init(path: String, coalescesWALWrites: Bool = true) throws(DirectSQLiteError) {
        sqlite_nio_sqlite3_initialize()
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        // WAL commits go to the file as one write each (AviarySQLiteWAL); without it, SQLite's default VFS.
        let vfs: String? = coalescesWALWrites && aviary_wal_vfs_register() == SQLITE_OK ? AVIARY_WAL_VFS_NAME : nil
        db = try Self.open(path, flags: flags, vfs: vfs)
        sqlite_nio_sqlite3_busy_timeout(db, DirectSQLiteDatabase.lockWaitMilliseconds)
    }

    /// Opens an existing file that this connection can only read (`SQLITE_OPEN_READONLY`), with
    /// SQLite's default VFS and no wait for locks.
    init(readingOnly path: String) throws(DirectSQLiteError) {
        sqlite_nio_sqlite3_initialize()
        db = try Self.open(path, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE, vfs: nil)
        waitsForLocks = false
    }

    /// Opens a connection; on failure closes what SQLite allocated and throws its message.
    private static func open(_ path: String, flags: Int32, vfs: String?) throws(DirectSQLiteError) -> OpaquePointer {
        var handle: OpaquePointer?
        let code = sqlite_nio_sqlite3_open_v2(path, &handle, flags, vfs)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            throw DirectSQLiteError(code: code, message: message)
        }
        return handle
    }

    /// The raw connection, for the calls SQLite allows from any thread (`sqlite3_interrupt`) and
    /// for installing hooks before first use.
    var connection: OpaquePointer? { db }

    /// The name of the VFS the connection was opened with (`aviary-wal`, or SQLite's `unix`).
    var vfsName: String? {
        guard let db else { return nil }
        var vfs: UnsafeMutablePointer<sqlite3_vfs>?
        guard sqlite_nio_sqlite3_file_control(db, "main", SQLITE_FCNTL_VFS_POINTER, &vfs) == SQLITE_OK,
              let name = vfs?.pointee.zName else { return nil }
        return String(cString: name)
    }

    /// Finalizes the statements and closes the connection; later calls fail.
    mutating func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements.removeAll()
        if let db { sqlite_nio_sqlite3_close_v2(db) }
        db = nil
    }

    /// Runs one statement with its binds. With `waitForLocks` false a locked database answers
    /// `.busy` at once instead of waiting (nothing has run then).
    mutating func run(_ sql: String, _ binds: [SQLiteData], waitForLocks: Bool) throws(DirectSQLiteError) -> Outcome {
        guard let db else { throw DirectSQLiteError(code: SQLITE_MISUSE, message: "the database is closed") }
        if waitForLocks != waitsForLocks {
            sqlite_nio_sqlite3_busy_timeout(db, waitForLocks ? DirectSQLiteDatabase.lockWaitMilliseconds : 0)
            waitsForLocks = waitForLocks
        }
        let statement: OpaquePointer
        do {
            statement = try prepared(sql, db)
        } catch {
            // Preparing reads the schema, which another connection may hold locked for a moment
            // (switching a new file to WAL, a migration): as busy as a step that meets a lock.
            if error.code & 0xff == SQLITE_BUSY, !waitForLocks { return .busy }
            throw error
        }
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        try bind(binds, to: statement)
        let count = sqlite_nio_sqlite3_column_count(statement)
        var rows: [[SQLiteData]] = []
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            if code == SQLITE_ROW {
                var row: [SQLiteData] = []
                row.reserveCapacity(Int(count))
                for column in 0..<count { row.append(try value(statement, column)) }
                rows.append(row)
                continue
            }
            if code & 0xff == SQLITE_BUSY, !waitForLocks, rows.isEmpty { return .busy }
            throw error(code)
        }
        let columns = count == 0 ? [] : (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
        return .rows(columns: columns, rows: rows)
    }

    private mutating func prepared(_ sql: String, _ db: OpaquePointer) throws(DirectSQLiteError) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.cacheLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements.removeAll(keepingCapacity: true)
        }
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK else { throw error(code) }
        guard let statement else { throw DirectSQLiteError(code: SQLITE_MISUSE, message: "empty statement") }
        statements[sql] = statement
        return statement
    }

    private func bind(_ binds: [SQLiteData], to statement: OpaquePointer) throws(DirectSQLiteError) {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .text(let text):
                var text = text
                code = text.withUTF8 { sqlite_nio_sqlite3_bind_text64(statement, index, $0.baseAddress, UInt64($0.count), transient, UInt8(SQLITE_UTF8)) }
            case .integer(let number):
                code = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
            case .float(let number):
                code = sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .null:
                code = sqlite_nio_sqlite3_bind_null(statement, index)
            case .blob(let buffer):
                code = buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
                }
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) throws(DirectSQLiteError) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT:
            return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default:
            return .null
        }
    }

    private func error(_ code: Int32) -> DirectSQLiteError {
        DirectSQLiteError(code: code, message: db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "closed")
    }
}

extension SQLiteHandle {
    /// One statement to run: its SQL and binds.
    typealias Statement = (sql: String, binds: [SQLiteData])
    /// What a group of statements gave: each statement's outcome, or the group's first failure.
    typealias GroupResult = Result<[Outcome], DirectSQLiteError>

    /// Runs groups of statements of different callers in one transaction: one commit (one WAL
    /// append, one lock cycle) for all of them. A group is atomic and its result is its own: if any
    /// statement fails, the batch is rolled back and every group runs again in a transaction of its
    /// own, so a failure never touches another caller's group. Nil when another process holds the
    /// write lock and `waitForLocks` is false (nothing has run then).
    mutating func runBatch(_ groups: [[Statement]], waitForLocks: Bool) -> [GroupResult]? {
        if groups.count == 1, groups[0].count == 1 {
            let statement = groups[0][0]
            switch GroupResult(catching: { () throws(DirectSQLiteError) in [try run(statement.sql, statement.binds, waitForLocks: waitForLocks)] }) {
            case .success([.busy]): return nil
            case let result: return [result]
            }
        }
        switch Result(catching: { () throws(DirectSQLiteError) in try run("BEGIN IMMEDIATE", [], waitForLocks: waitForLocks) }) {
        case .success(.busy): return nil
        case .failure: return groups.map { runAlone($0, waitForLocks: waitForLocks) }
        case .success: break
        }
        var results: [GroupResult] = []
        results.reserveCapacity(groups.count)
        do {
            for group in groups {
                var outcomes: [Outcome] = []
                outcomes.reserveCapacity(group.count)
                for statement in group { outcomes.append(try run(statement.sql, statement.binds, waitForLocks: true)) }
                results.append(.success(outcomes))
            }
            _ = try run("COMMIT", [], waitForLocks: true)
            return results
        } catch {
            _ = try? run("ROLLBACK", [], waitForLocks: true)
            return groups.map { runAlone($0, waitForLocks: waitForLocks) }
        }
    }

    /// Runs one group on its own: a single statement as it is, several in a transaction of their
    /// own. A locked database is a failure here.
    private mutating func runAlone(_ group: [Statement], waitForLocks: Bool) -> GroupResult {
        let locked = DirectSQLiteError(code: SQLITE_BUSY, message: "database is locked")
        if group.count == 1 {
            switch GroupResult(catching: { () throws(DirectSQLiteError) in [try run(group[0].sql, group[0].binds, waitForLocks: waitForLocks)] }) {
            case .success([.busy]): return .failure(locked)
            case let result: return result
            }
        }
        do {
            if case .busy = try run("BEGIN IMMEDIATE", [], waitForLocks: waitForLocks) { return .failure(locked) }
            var outcomes: [Outcome] = []
            for statement in group { outcomes.append(try run(statement.sql, statement.binds, waitForLocks: true)) }
            _ = try run("COMMIT", [], waitForLocks: true)
            return .success(outcomes)
        } catch {
            _ = try? run("ROLLBACK", [], waitForLocks: true)
            return .failure(error)
        }
    }
}
