import AviaryCore
import AviaryStorage
import AviaryTestSupport
import Foundation
import SQLKit
import Testing

/// The database holds every tenant's data: a new database file (and its WAL) is the owner's only,
/// and so is a folder created for it; an existing folder keeps its mode.
@Suite struct SQLiteFilePermissionsTests {
    private func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func aNewDatabaseAndItsFolderAreTheOwnersOnly() async throws {
        try await withTemporaryDirectory { dir in
            let before = try mode(dir.path)
            let folder = dir.appendingPathComponent("data/.aviary", isDirectory: true)
            let path = folder.appendingPathComponent("aviary.sqlite").path
            try await SQLiteStorage.withStorage(path: path) { storage in
                try await storage.store.createRun(RunRecord(id: "run_p", tenant: "acme", principal: "alice", agent: "a", input: ["q": "x"]))
                #expect(try mode(path) == 0o600)
                #expect(try mode(path + "-wal") == 0o600)
            }
            #expect(try mode(folder.path) == 0o700)
            #expect(try mode(dir.path) == before, "an existing folder keeps its mode")
        }
    }
}
