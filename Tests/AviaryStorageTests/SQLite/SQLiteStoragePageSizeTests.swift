import AviaryCore
@testable import AviaryStorage
import AviaryTestSupport
import Foundation
import Logging
import NIOPosix
import SQLKit
import Testing

@Suite("SQLiteStorage page size")
struct SQLiteStoragePageSizeTests {
    /// Runs `body` on a connection of its own to the file at `path`, then closes it.
    static func withConnection<T>(_ path: String, _ body: (DirectSQLiteDatabase) async throws -> T) async throws -> T {
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        let result: Result<T, any Error>
        do {
            let db = try DirectSQLiteDatabase(path: path, thread: thread, logger: .init(label: "test"),
                                              eventLoop: MultiThreadedEventLoopGroup.singleton.any())
            defer { db.close() }
            result = .success(try await body(db))
        } catch {
            result = .failure(error)
        }
        try await thread.shutdownGracefully()
        return try result.get()
    }

    /// `PRAGMA page_size` and `journal_mode` of the file at `path`.
    static func pragmas(_ path: String) async throws -> (pageSize: Int, journalMode: String) {
        try await withConnection(path) { db in
            let pageSize = try await db.raw("PRAGMA page_size").first()?.decode(column: "page_size", as: Int.self)
            let mode = try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            return (pageSize ?? 0, mode ?? "")
        }
    }

    @Test func aNewDatabaseUsesTheSmallerPageSizeInWALMode() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("new.sqlite").path
            try await SQLiteStorage.withStorage(path: path) { storage in
                try await storage.store.createRun(Fixtures.run())
            }
            let pragmas = try await Self.pragmas(path)
            #expect(pragmas.pageSize == SQLiteStorage.pageSize)
            #expect(pragmas.pageSize != 4096)
            #expect(pragmas.journalMode == "wal")
        }
    }

    @Test func anExistingDatabaseKeepsItsPageSizeAndItsRows() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("old.sqlite").path
            // A file made by an earlier Aviary: SQLite's default 4 KiB pages, already in WAL mode.
            try await Self.withConnection(path) { old in
                for sql in ["PRAGMA page_size = 4096", "PRAGMA journal_mode = WAL", "CREATE TABLE kept (id INTEGER)",
                            "INSERT INTO kept VALUES (7)"] {
                    try await old.raw(SQLQueryString(sql)).run()
                }
            }

            let run = Fixtures.run()
            try await SQLiteStorage.withStorage(path: path) { storage in
                try await storage.store.createRun(run)
                #expect(try await storage.store.loadRun(run.id, tenant: run.tenant)?.id == run.id)
            }
            let pragmas = try await Self.pragmas(path)
            #expect(pragmas.pageSize == 4096)
            #expect(pragmas.journalMode == "wal")
            let reopened = try await SQLiteStorage.withStorage(path: path) { storage in
                try await storage.store.loadRun(run.id, tenant: run.tenant)
            }
            #expect(reopened?.id == run.id)
        }
    }
}
