@testable import AviaryStorage
import AviarySQLiteWAL
import AviaryTesting
import AviaryTestSupport
import Foundation
import SQLiteNIO
import Testing
import VaporCSQLite

/// The `aviary-wal` VFS keeps a WAL's frames in memory until the commit frame is complete. These
/// tests hold it to what SQLite's own VFS guarantees: every commit is in the files when the commit
/// returns — visible to another connection, and recovered from a copy of the files taken right
/// then, as after a killed process — and no transaction size breaks it.
@Suite("Coalescing WAL VFS")
struct CoalescingWALTests {
    /// Opens `path` with SQLite's default VFS (not `aviary-wal`) and returns the answer to `sql`.
    static func plainQuery(_ path: String, _ sql: String) throws -> [String] {
        var db: OpaquePointer?
        guard sqlite_nio_sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else {
            throw DirectSQLiteError(code: SQLITE_CANTOPEN, message: "cannot open \(path)")
        }
        defer { sqlite_nio_sqlite3_close_v2(db) }
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DirectSQLiteError(code: SQLITE_ERROR, message: String(cString: sqlite_nio_sqlite3_errmsg(db)))
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        var values: [String] = []
        while sqlite_nio_sqlite3_step(statement) == SQLITE_ROW {
            values.append(sqlite_nio_sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "NULL")
        }
        return values
    }

    /// Copies the database and its WAL (not the shared-memory index) as a crash would leave them.
    static func snapshot(_ path: String, into directory: URL) throws -> String {
        let copy = directory.appendingPathComponent("snapshot-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        return copy
    }

    static func open(_ path: String) throws -> SQLiteHandle {
        var handle = try SQLiteHandle(path: path)
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA wal_autocheckpoint = 0"] {
            _ = try handle.run(pragma, [], waitForLocks: true)
        }
        _ = try handle.run("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, body TEXT NOT NULL)", [], waitForLocks: true)
        return handle
    }

    @Test func everyCommitIsInTheFilesWhenItReturns() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("store.sqlite").path
            var handle = try Self.open(path)
            defer { handle.close() }
            for commit in 1...12 {
                // Transactions of one to many pages: each commit's last frame completes it.
                let rows = commit * commit
                _ = try handle.run("BEGIN IMMEDIATE", [], waitForLocks: true)
                for row in 0..<rows {
                    _ = try handle.run("INSERT INTO items (body) VALUES (?)", [.text(String(repeating: "c\(commit)r\(row) ", count: 40))], waitForLocks: true)
                }
                _ = try handle.run("COMMIT", [], waitForLocks: true)
                let expected = (1...commit).reduce(0) { $0 + $1 * $1 }
                // Another connection, through the shared WAL index.
                #expect(try Self.plainQuery(path, "SELECT count(*) FROM items") == ["\(expected)"])
                // A copy of the files, recovered from the WAL alone.
                let copy = try Self.snapshot(path, into: directory)
                #expect(try Self.plainQuery(copy, "SELECT count(*) FROM items") == ["\(expected)"])
                #expect(try Self.plainQuery(copy, "PRAGMA integrity_check") == ["ok"])
            }
        }
    }

    @Test func aTransactionLargerThanOneWriteCommits() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("store.sqlite").path
            var handle = try Self.open(path)
            defer { handle.close() }
            let before = aviary_wal_vfs_stats()
            // ≈ 3 MB in one commit: far beyond one buffered write (and the unix VFS's 128 KiB a call).
            let body = String(repeating: "0123456789abcdef", count: 512)
            _ = try handle.run("BEGIN IMMEDIATE", [], waitForLocks: true)
            for _ in 0..<384 { _ = try handle.run("INSERT INTO items (body) VALUES (?)", [.text(body)], waitForLocks: true) }
            _ = try handle.run("COMMIT", [], waitForLocks: true)
            let after = aviary_wal_vfs_stats()
            let copy = try Self.snapshot(path, into: directory)
            #expect(try Self.plainQuery(copy, "SELECT count(*) FROM items") == ["384"])
            #expect(try Self.plainQuery(copy, "SELECT sum(length(body)) FROM items") == ["\(384 * 8192)"])
            #expect(try Self.plainQuery(copy, "PRAGMA integrity_check") == ["ok"])
            // Frames are written as a header and a page each; the VFS passes them on in far fewer writes
            // (other tests' WAL writes, counted meanwhile, are coalesced at least two to one as well).
            let logical = after.logicalWrites - before.logicalWrites
            let physical = after.physicalWrites - before.physicalWrites
            #expect(logical >= 2 * 384)
            #expect(physical * 2 <= logical)
        }
    }

    @Test func aRolledBackTransactionLeavesNothingBehind() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("store.sqlite").path
            var handle = try Self.open(path)
            defer { handle.close() }
            _ = try handle.run("INSERT INTO items (body) VALUES ('kept')", [], waitForLocks: true)
            // Big enough that SQLite spills frames to the WAL before the transaction ends.
            _ = try handle.run("PRAGMA cache_size = 10", [], waitForLocks: true)
            _ = try handle.run("BEGIN IMMEDIATE", [], waitForLocks: true)
            for _ in 0..<200 {
                _ = try handle.run("INSERT INTO items (body) VALUES (?)", [.text(String(repeating: "x", count: 2000))], waitForLocks: true)
            }
            _ = try handle.run("ROLLBACK", [], waitForLocks: true)
            _ = try handle.run("INSERT INTO items (body) VALUES ('after')", [], waitForLocks: true)
            let copy = try Self.snapshot(path, into: directory)
            #expect(try Self.plainQuery(copy, "SELECT body FROM items ORDER BY id") == ["kept", "after"])
            #expect(try Self.plainQuery(copy, "PRAGMA integrity_check") == ["ok"])
            #expect(try Self.plainQuery(path, "SELECT body FROM items ORDER BY id") == ["kept", "after"])
        }
    }
}
