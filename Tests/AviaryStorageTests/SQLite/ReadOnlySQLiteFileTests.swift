import AviaryCore
@testable import AviaryStorage
import AviaryTestSupport
import Foundation
import SQLKit
import SQLiteNIO
import Synchronization
import Testing

/// The read-only connection the `sql` tools use: a runaway query ends when its task is cancelled
/// (the tool's timeout), and the connection answers again afterwards.
@Suite struct ReadOnlySQLiteFileTests {
    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS n FROM c"

    static func database(in dir: URL) async throws -> String {
        let path = dir.appendingPathComponent("data.sqlite").path
        let storage = try await SQLiteStorage.open(path: path, migrate: false)
        try await storage.store.database.raw("CREATE TABLE t (x INTEGER)").run()
        try await storage.store.database.raw("INSERT INTO t VALUES (1), (2), (3)").run()
        try await storage.close()
        return path
    }

    @Test func cancellingTheTaskInterruptsARunningQuery() async throws {
        try await withTemporaryDirectory { dir in
            let path = try await Self.database(in: dir)
            let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
            let file = try ReadOnlySQLiteFile(path: path, allowedFunctions: ["count"], willRun: { startedContinuation.yield() })
            let query = Task { try await file.query(Self.endless, []) }
            var iterator = started.makeAsyncIterator()
            await iterator.next()  // the statement is about to run on its pool thread
            query.cancel()
            let outcome = await query.result
            guard case .failure(let error) = outcome else { Issue.record("an endless query returned"); return }
            #expect((error as? ReadOnlySQLiteFile.Failure)?.interrupted == true, "\(error)")
            // the connection is usable again
            let rows = try await file.query("SELECT count(*) AS n FROM t", [])
            #expect(rows.rows.first?.first?.integer == 3)
        }
    }

    @Test func aQueryCancelledBeforeItStartsDoesNotRun() async throws {
        try await withTemporaryDirectory { dir in
            let path = try await Self.database(in: dir)
            let file = try ReadOnlySQLiteFile(path: path, allowedFunctions: ["count"])
            let query = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await file.query(Self.endless, [])
            }
            await #expect(throws: CancellationError.self) { _ = try await query.value }
        }
    }

    @Test func writesAndUnlistedFunctionsAreRefused() async throws {
        try await withTemporaryDirectory { dir in
            let path = try await Self.database(in: dir)
            let file = try ReadOnlySQLiteFile(path: path, allowedFunctions: ["count"])
            for statement in ["DELETE FROM t", "INSERT INTO t VALUES (4)", "PRAGMA query_only = OFF", "SELECT abs(-1)",
                              "ATTACH DATABASE ':memory:' AS m"] {
                await #expect(throws: ReadOnlySQLiteFile.Failure.self, "\(statement)") { _ = try await file.query(statement, []) }
            }
            #expect(try await file.query("SELECT count(*) FROM t", []).rows.first?.first?.integer == 3)
        }
    }

    @Test func aQueryCannotBuildAHugeValue() async throws {
        try await withTemporaryDirectory { dir in
            let path = try await Self.database(in: dir)
            let file = try ReadOnlySQLiteFile(path: path, allowedFunctions: ["printf", "length"])
            let error = await #expect(throws: ReadOnlySQLiteFile.Failure.self) {
                _ = try await file.query("SELECT length(printf('%.*c', 500000000, 'x')) AS n", [])
            }
            #expect(error?.message.contains("too big") == true, "\(String(describing: error))")
            #expect(try await file.query("SELECT length(printf('%.*c', 1000, 'x')) AS n", []).rows.first?.first?.integer == 1000)
        }
    }
}
