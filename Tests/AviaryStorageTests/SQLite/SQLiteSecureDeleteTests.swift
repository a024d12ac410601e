import AviaryCore
import AviaryStorage
import AviaryTestSupport
import Foundation
import SQLKit
import Testing

/// Erased rows are overwritten in the database file, not left in its free pages.
@Suite struct SQLiteSecureDeleteTests {
    @Test func deletedContentIsOverwrittenInTheFile() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("aviary.sqlite").path
            let storage = try await SQLiteStorage.open(path: path)
            let row = try await storage.store.database.raw("PRAGMA secure_delete").first()
            #expect(try row?.decode(column: "secure_delete", as: Int.self) == 1)
            let marker = "erase-me-" + UUID().uuidString
            let session = SessionRecord(tenant: "acme", userID: marker)
            try await storage.store.createSession(session)
            #expect(try await storage.store.deleteSession(session.id, tenant: "acme"))
            try await storage.store.database.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            try await storage.close()
            for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
                #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(file) still holds the erased text")
            }
        }
    }
}
