@testable import AviaryStorage
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteNIO
import SQLKit
import Testing

@Suite("DirectSQLiteDatabase")
struct DirectSQLiteDatabaseTests {
    /// A database file in a fresh folder, its connection thread, and cleanup.
    final class Fixture: Sendable {
        let path: String
        let thread: NIOThreadPool
        init() {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("direct-sqlite-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            path = folder.appendingPathComponent("db.sqlite").path
            thread = NIOThreadPool(numberOfThreads: 1)
            thread.start()
        }
        func open(restartAfterFrames: Int = DirectSQLiteDatabase.restartAfterFrames) throws -> DirectSQLiteDatabase {
            try DirectSQLiteDatabase(path: path, thread: thread, logger: .init(label: "test"),
                                     eventLoop: MultiThreadedEventLoopGroup.singleton.any(), restartAfterFrames: restartAfterFrames)
        }
        func finish() async throws {
            try await thread.shutdownGracefully()
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
    }

    @Test func preparedStatementsAreReusedWithNewBindsAndDecodeEveryType() async throws {
        let fixture = Fixture()
        let db = try fixture.open()
        try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, note TEXT, data BLOB)").run()
        for (id, name) in [(1, "ada"), (2, "grace"), (3, "ünïcødé ✓")] {
            try await db.raw("INSERT INTO t (id, name, score, note, data) VALUES (\(bind: id), \(bind: name), \(bind: Double(id) / 2), NULL, x'00ff')").run()
        }
        let rows = try await db.raw("SELECT * FROM t WHERE id >= \(bind: 2) ORDER BY id").all()
        #expect(rows.count == 2)
        #expect(try rows.map { try $0.decode(column: "name", as: String.self) } == ["grace", "ünïcødé ✓"])
        #expect(try rows[0].decode(column: "id", as: Int.self) == 2)
        #expect(try rows[1].decode(column: "score", as: Double.self) == 1.5)
        #expect(try rows[0].decodeNil(column: "note"))
        #expect(try rows[0].decode(column: "note", as: String?.self) == nil)
        #expect(try rows[0].decode(column: "data", as: Data.self) == Data([0x00, 0xff]))
        #expect(rows[0].allColumns == ["id", "name", "score", "note", "data"])
        #expect(throws: DecodingError.self) { try rows[0].decode(column: "missing", as: String.self) }
        db.close()
        try await fixture.finish()
    }

    @Test func aFailedStatementReportsSQLitesMessageAndLeavesTheCachedStatementUsable() async throws {
        let fixture = Fixture()
        let db = try fixture.open()
        try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY)").run()
        try await db.raw("INSERT INTO t (id) VALUES (\(bind: 1))").run()
        let error = await #expect(throws: DirectSQLiteError.self) { try await db.raw("INSERT INTO t (id) VALUES (\(bind: 1))").run() }
        #expect(error?.message.contains("UNIQUE") == true)
        try await db.raw("INSERT INTO t (id) VALUES (\(bind: 2))").run()
        #expect(try await db.raw("SELECT count(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) == 2)
        await #expect(throws: DirectSQLiteError.self) { try await db.raw("SELEC nonsense").run() }
        db.close()
        await #expect(throws: DirectSQLiteError.self) { try await db.raw("SELECT 1").run() }
        try await fixture.finish()
    }

    @Test func statementsExecutedTogetherAllLandAndAFailureIsReported() async throws {
        let fixture = Fixture()
        let db = try fixture.open()
        try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY)").run()
        try await db.executeTogether([SQLQueryString("INSERT INTO t (id) VALUES (\(bind: 1))"),
                                      SQLQueryString("INSERT INTO t (id) VALUES (\(bind: 2))")])
        await #expect(throws: DirectSQLiteError.self) {
            try await db.executeTogether([SQLQueryString("INSERT INTO t (id) VALUES (\(bind: 3))"),
                                          SQLQueryString("INSERT INTO t (id) VALUES (\(bind: 1))")])
        }
        // Atomic: the statement before the failing one does not land either.
        let ids = try await db.raw("SELECT id FROM t ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
        #expect(ids == [1, 2])
        db.close()
        try await fixture.finish()
    }

    @Test func aStatementWaitsOnItsThreadForAnotherConnectionsWriteLock() async throws {
        let fixture = Fixture()
        let first = try fixture.open(), second = try fixture.open()
        try await first.raw("PRAGMA journal_mode = WAL").run()
        try await first.raw("CREATE TABLE t (id INTEGER PRIMARY KEY)").run()
        try await first.raw("BEGIN IMMEDIATE").run()
        try await first.raw("INSERT INTO t (id) VALUES (1)").run()
        // The second connection's write finds the lock taken: it must wait, not fail with SQLITE_BUSY.
        async let waiting: Void = second.raw("INSERT INTO t (id) VALUES (2)").run()
        let deadline = ContinuousClock.now + .seconds(20)
        while second.deferredStatements == 0, ContinuousClock.now < deadline { await Task.yield() }
        #expect(second.deferredStatements == 1)
        try await first.raw("COMMIT").run()
        try await waiting
        let ids = try await second.raw("SELECT id FROM t ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
        #expect(ids == [1, 2])
        #expect(first.deferredStatements == 0)
        first.close()
        second.close()
        try await fixture.finish()
    }
}

@Suite("SQLiteHandle batches")
struct SQLiteHandleBatchTests {
    static func count(_ handle: inout SQLiteHandle) throws -> Int {
        guard case .rows(_, let rows) = try handle.run("SELECT count(*) FROM t", [], waitForLocks: true),
              case .integer(let n) = rows.first?.first else { return -1 }
        return n
    }

    static func insert(_ id: Int) -> SQLiteHandle.Statement { ("INSERT INTO t (id) VALUES (?)", [.integer(id)]) }

    @Test func aBatchCommitsTogetherAndAFailingGroupFailsAlone() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var handle = try SQLiteHandle(path: path)
        defer { handle.close() }
        _ = try handle.run("CREATE TABLE t (id INTEGER PRIMARY KEY)", [], waitForLocks: true)
        // Group 3 inserts 4 (fine) then 1 (taken by group 1): it fails as a whole, 4 does not land.
        let batch = handle.runBatch([[Self.insert(1)], [Self.insert(2), Self.insert(3)], [Self.insert(4), Self.insert(1)],
                                     [Self.insert(5)], [("SELECT id FROM t ORDER BY id", [])]], waitForLocks: false)
        let results = try #require(batch)
        #expect(results.count == 5)
        for index in [0, 1, 3] {
            guard case .success = results[index] else { Issue.record("group \(index): \(results[index])"); continue }
        }
        guard case .failure(let error) = results[2] else { Issue.record("the duplicate insert succeeded"); return }
        #expect(error.message.contains("UNIQUE"))
        guard case .success(let outcomes) = results[4], case .rows(_, let rows) = outcomes.first else { Issue.record("select failed"); return }
        // Run on its own after the rollback, the select sees what the groups before it wrote.
        #expect(rows == [[.integer(1)], [.integer(2)], [.integer(3)], [.integer(5)]])
        #expect(try Self.count(&handle) == 4)
        // A batch without failures is one transaction: all of it lands.
        let cleanBatch = handle.runBatch((6...11).map { [Self.insert($0)] }, waitForLocks: false)
        let clean = try #require(cleanBatch)
        #expect(clean.allSatisfy { if case .success = $0 { true } else { false } })
        #expect(try Self.count(&handle) == 10)
        // A group alone in its batch is atomic too.
        let alone = handle.runBatch([[Self.insert(12), Self.insert(6)]], waitForLocks: false)
        guard case .failure = try #require(alone).first else { Issue.record("the group succeeded"); return }
        #expect(try Self.count(&handle) == 10)
    }

    @Test func aBatchFindingAnotherConnectionsLockRunsNothing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first = try SQLiteHandle(path: path), second = try SQLiteHandle(path: path)
        defer { first.close(); second.close() }
        _ = try first.run("PRAGMA journal_mode = WAL", [], waitForLocks: true)
        _ = try first.run("CREATE TABLE t (id INTEGER PRIMARY KEY)", [], waitForLocks: true)
        _ = try first.run("BEGIN IMMEDIATE", [], waitForLocks: true)
        let two = second.runBatch([[Self.insert(1)], [Self.insert(2)]], waitForLocks: false)
        let one = second.runBatch([[Self.insert(1)]], waitForLocks: false)
        #expect(two == nil)
        #expect(one == nil)
        _ = try first.run("COMMIT", [], waitForLocks: true)
        #expect(try Self.count(&second) == 0)
    }
}

@Suite("DirectSQLiteDatabase group commit")
struct DirectSQLiteGroupCommitTests {
    @Test func concurrentStatementsAllLandWithTheirOwnResults() async throws {
        let fixture = DirectSQLiteDatabaseTests.Fixture()
        let db = try fixture.open()
        try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY)").run()
        let failures = await withTaskGroup(of: Bool.self) { group in
            for id in 0..<400 {
                // Every tenth statement repeats an id some other statement inserts: exactly one of the two fails.
                let key = id % 10 == 9 ? id - 1 : id
                group.addTask { (try? await db.raw("INSERT INTO t (id) VALUES (\(bind: key))").run()) == nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 40)
        #expect(try await db.raw("SELECT count(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) == 360)
        db.close()
        try await fixture.finish()
    }
}

@Suite("DirectSQLiteDatabase checkpoints")
struct DirectSQLiteCheckpointTests {
    @Test func checkpointsRunFromTheSecondConnectionWhenAutocheckpointIsOff() async throws {
        let fixture = DirectSQLiteDatabaseTests.Fixture()
        let db = try fixture.open()
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA wal_autocheckpoint = 0"] { try await db.raw(SQLQueryString(pragma)).run() }
        try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)").run()
        let body = String(repeating: "x", count: 2000)
        for id in 0..<(DirectSQLiteDatabase.checkpointEvery + 10) {
            try await db.raw("INSERT INTO t (id, body) VALUES (\(bind: id), \(bind: body))").run()
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while db.checkpoints == 0, ContinuousClock.now < deadline { await Task.yield() }
        #expect(db.checkpoints >= 1)
        // The checkpoint copied the pages into the database file: a connection that reads only the
        // file (no WAL) would see them; here, at least, nothing is lost.
        #expect(try await db.raw("SELECT count(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) == DirectSQLiteDatabase.checkpointEvery + 10)
        let fileSize = (try FileManager.default.attributesOfItem(atPath: fixture.path)[.size] as? Int) ?? 0
        #expect(fileSize > 2000 * 100)
        db.close()
        try await fixture.finish()
    }

    /// Writes that never pause must not grow the WAL for ever: after a checkpoint that finds the
    /// WAL holding `restartAfterFrames` (here half an interval's), the WAL starts from its
    /// beginning again (SQLite does that only when a write finds every frame copied).
    @Test func theWALStartsOverUnderContinuousWrites() async throws {
        let fixture = DirectSQLiteDatabaseTests.Fixture()
        let db = try fixture.open(restartAfterFrames: DirectSQLiteDatabase.checkpointEvery / 2)
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA wal_autocheckpoint = 0"] { try await db.raw(SQLQueryString(pragma)).run() }
        try await db.raw("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)").run()
        // Each statement commits at least one 4 KiB page: without restarts eight checkpoint intervals
        // leave thousands of frames (4,116 measured when the restart was missing), with them about
        // one interval's (1,030).
        let statements = 8 * DirectSQLiteDatabase.checkpointEvery
        for id in 0..<statements {
            try await db.raw("INSERT INTO t (id, body) VALUES (\(bind: id), 'row')").run()
        }
        let deadline = ContinuousClock.now + .seconds(20)
        while db.checkpoints < 2, ContinuousClock.now < deadline { await Task.yield() }
        #expect(db.checkpoints >= 2)
        let walSize = (try FileManager.default.attributesOfItem(atPath: fixture.path + "-wal")[.size] as? Int) ?? 0
        let frames = (walSize - 32) / (4096 + 24)
        #expect(frames < 2 * DirectSQLiteDatabase.checkpointEvery, "the WAL holds \(frames) frames")
        #expect(try await db.raw("SELECT count(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) == statements)
        db.close()
        try await fixture.finish()
    }
}
