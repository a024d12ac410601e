import AviaryStorage
import AviaryTestSupport
import Foundation
import Testing

/// `aviary migrate` on a project's SQLite file and, when a test server is configured, on PostgreSQL.
@Suite struct MigrateCommandTests {
    static let names = AviaryMigrations.all.map(\.name)

    @Test func migratesTheProjectsSQLiteFileOnce() async throws {
        try await withTemporaryDirectory { dir in
            let (status, out, err) = try await CLIProcess.run(["migrate", "--project", dir.path], environment: [:])
            #expect(status == 0, "\(err)")
            let path = dir.appendingPathComponent(".aviary/aviary.sqlite").standardizedFileURL.path
            #expect(out.split(separator: "\n").map(String.init) == Self.names.map { "applied \($0)" } + [
                "sqlite:\(path): schema up to date at \(Self.names.last ?? "")",
            ])
            let (again, out2, _) = try await CLIProcess.run(["migrate", "--project", dir.path], environment: [:])
            #expect(again == 0)
            #expect(out2 == "sqlite:\(path): schema up to date at \(Self.names.last ?? "")\n")
        }
    }

    @Test(.enabled(if: FreshPostgresDatabase.serverURL != nil))
    func migratesThePostgreSQLDatabaseNamedByTheEnvironment() async throws {
        try await FreshPostgresDatabase.with { url in
            try await withTemporaryDirectory { dir in
                let (status, out, err) = try await CLIProcess.run(["migrate", "--project", dir.path], environment: ["AVIARY_DATABASE_URL": url])
                #expect(status == 0, "\(err)")
                #expect(out.split(separator: "\n").prefix(Self.names.count).map(String.init) == Self.names.map { "applied \($0)" })
                #expect(out.contains("schema up to date at \(Self.names.last ?? "")"))
                #expect(out.contains(":***@") && !out.contains(":aviary@"), "the password is never printed")
                #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".aviary/aviary.sqlite").path))
                let (again, out2, _) = try await CLIProcess.run(["migrate", "--project", dir.path], environment: ["AVIARY_DATABASE_URL": url])
                #expect(again == 0)
                #expect(!out2.contains("applied"))
            }
        }
    }

    @Test func aBadDatabaseURLIsAOneLineError() async throws {
        try await withTemporaryDirectory { dir in
            let (status, _, err) = try await CLIProcess.run(["migrate", "--project", dir.path],
                                                      environment: ["AVIARY_DATABASE_URL": "mysql://root:hunter2@db/aviary"])
            #expect(status != 0)
            #expect(err.hasPrefix("error: ") && err.contains("PostgreSQL") && !err.contains("hunter2"))
        }
    }
}
