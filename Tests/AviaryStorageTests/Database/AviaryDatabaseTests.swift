import AviaryStorage
import AviaryTestSupport
import Foundation
import Testing

@Suite("AviaryDatabase")
struct AviaryDatabaseTests {
    @Test(arguments: Backend.all)
    func opensTheBackendTheConfigurationNames(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            try await database.open { db in
                #expect(db.isPostgres == (backend == .postgres))
                #expect(!db.displayName.contains(":aviary@"))
                try await db.store.createRun(Fixtures.run())
            }
        }
    }

    @Test func defaultsToTheSQLiteFile() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("nested/aviary.sqlite").path
            let name = try await AviaryDatabase.withDatabase(StorageConfiguration(url: nil, sqlitePath: path)) { db in
                #expect(!db.isPostgres)
                return db.displayName
            }
            #expect(name == "sqlite:\(path)")
            #expect(FileManager.default.fileExists(atPath: path))
            // An empty URL (an unset variable expanded) means SQLite too.
            try await AviaryDatabase.withDatabase(StorageConfiguration(url: "", sqlitePath: path)) { #expect(!$0.isPostgres) }
        }
    }

    @Test(arguments: ["mysql://aviary:s3cret@db/aviary", "sqlite:///tmp/aviary.sqlite", "postgres://aviary:s3cret@/nohost"])
    func rejectsURLsThatAreNotPostgreSQLWithoutPrintingThePassword(_ url: String) async throws {
        let error = await #expect(throws: StorageError.self) {
            try await AviaryDatabase.withDatabase(StorageConfiguration(url: url)) { _ in }
        }
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test func anUnreachableServerFailsWithoutPrintingThePassword() async throws {
        let url = "postgres://aviary:s3cret@127.0.0.1:1/aviary?sslmode=disable"
        let error = await #expect(throws: StorageError.self) {
            try await AviaryDatabase.withDatabase(StorageConfiguration(url: url)) { _ in }
        }
        #expect(error?.description.contains("s3cret") == false)
        #expect(error?.description.contains("127.0.0.1:1") == true)
    }

    @Test(arguments: [
        ("postgres://aviary:s3cret@db:5432/aviary", "postgres://aviary:***@db:5432/aviary"),
        ("postgresql://a:p%40ss@h/d?sslmode=require", "postgresql://a:***@h/d?sslmode=require"),
        ("postgres://aviary@db/aviary", "postgres://aviary@db/aviary"),
        ("postgres://db/aviary?user=x@y", "postgres://db/aviary?user=x@y"),
    ])
    func redactsThePassword(_ url: String, _ redacted: String) {
        #expect(PostgresStorage.Configuration(url: url).redactedURL == redacted)
    }

    @Test(arguments: [
        // another host and no TLS mode: TLS is required
        ("postgres://aviary:s3cret@db.internal:5432/aviary", "postgres://aviary:s3cret@db.internal:5432/aviary?sslmode=require"),
        ("postgresql://a@10.0.0.5/d?application_name=x", "postgresql://a@10.0.0.5/d?application_name=x&sslmode=require"),
        // an explicit mode is the operator's choice, whatever the host
        ("postgres://a@db.internal/d?sslmode=disable", "postgres://a@db.internal/d?sslmode=disable"),
        ("postgres://a@db.internal/d?tlsmode=prefer", "postgres://a@db.internal/d?tlsmode=prefer"),
        // the loopback keeps the library's default
        ("postgres://a@localhost/d", "postgres://a@localhost/d"),
        ("postgres://a@127.0.0.1:5432/d", "postgres://a@127.0.0.1:5432/d"),
        ("postgres://a@[::1]:5432/d", "postgres://a@[::1]:5432/d"),
        // Unix sockets are local
        ("postgres+uds://a@localhost/var/run/postgresql/.s.PGSQL.5432#d", "postgres+uds://a@localhost/var/run/postgresql/.s.PGSQL.5432#d"),
    ])
    func connectionsOffTheLoopbackRequireTLSUnlessTheURLSaysOtherwise(_ url: String, _ used: String) {
        #expect(PostgresStorage.Configuration(url: url).connectionURL == used)
    }

    /// CI must run the PostgreSQL cases: `.ci/run` sets CI=true and starts a server.
    @Test func postgresIsConfiguredWhenRunningInCI() {
        if TestEnvironment.isCI {
            #expect(TestEnvironment.postgresURL != nil, "CI=true but AVIARY_TEST_POSTGRES_URL is not set: run the tests through scripts/with-postgres.sh")
        }
    }
}
