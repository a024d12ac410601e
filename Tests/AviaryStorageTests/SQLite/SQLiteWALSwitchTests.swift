import AviaryCore
import Foundation
@testable import AviaryStorage
import AviaryTestSupport
import SQLKit
import Testing

/// `coalescesWALWrites` chooses the VFS a database is opened with, and the store works either way
/// on the same file.
@Suite struct SQLiteWALSwitchTests {
    @Test func theWALCoalescingVFSCanBeTurnedOff() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("switch.sqlite").path
            try await SQLiteStorage.withStorage(path: path) { storage in
                #expect(storage.connection.vfsName == "aviary-wal")
                try await storage.connection.raw("CREATE TABLE notes (body TEXT)").run()
                try await storage.connection.raw("INSERT INTO notes VALUES ('with the VFS')").run()
            }
            try await SQLiteStorage.withStorage(path: path, coalescesWALWrites: false) { storage in
                #expect(storage.connection.vfsName == "unix")
                try await storage.connection.raw("INSERT INTO notes VALUES ('without it')").run()
                let rows = try await storage.connection.raw("SELECT body FROM notes ORDER BY rowid").all()
                #expect(try rows.map { try $0.decode(column: "body", as: String.self) } == ["with the VFS", "without it"])
            }
            let configuration = StorageConfiguration(sqlitePath: path, coalescesWALWrites: false)
            try await AviaryDatabase.withDatabase(configuration) { database in
                guard case .sqlite(let storage) = database.backend else { Issue.record("expected SQLite"); return }
                #expect(storage.connection.vfsName == "unix")
            }
        }
    }
}
