import Foundation
import NIOCore
import NIOPosix
@testable import AviaryStorage
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
        func open() throws -> DirectSQLiteDatabase {
            try DirectSQLiteDatabase(path: path, thread: thread, logger: .init(label: "test"),
                                     eventLoop: MultiThreadedEventLoopGroup.singleton.any())
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
