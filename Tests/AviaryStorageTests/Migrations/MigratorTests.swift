import AviaryCore
import AviaryStorage
import Foundation
import SQLKit
import Testing

@Suite("Migrations")
struct MigratorTests {
    static let names = AviaryMigrations.all.map(\.name)
    static let tables = ["sessions", "transcript_messages", "runs", "journal", "run_events", "api_keys"]

    @Test func migrationNamesAreUniqueAndOrdered() {
        #expect(Self.names == Self.names.sorted())
        #expect(Set(Self.names).count == Self.names.count)
        #expect(Self.names.prefix(2) == ["0001_initial", "0002_tenant_journal_api_keys"])
    }

    @Test(arguments: Backend.all)
    func aFreshDatabaseGetsEveryMigrationAndReopeningChangesNothing(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let run = Fixtures.run()
            try await database.open { db in
                #expect(db.appliedMigrations == Self.names)
                for table in Self.tables { _ = try await db.store.database.raw("SELECT COUNT(*) AS n FROM \(ident: table)").all() }
                try await db.store.createRun(run)
            }
            try await database.open { db async throws in
                #expect(db.appliedMigrations.isEmpty)
                #expect(try await Migrator(database: db.store.database).migrate().isEmpty)
                #expect(try await Migrator(database: db.store.database).applied() == Self.names)
                #expect(try await db.store.loadRun(run.id, tenant: "acme") == run)
            }
        }
    }

    @Test(arguments: Backend.all)
    func anUnknownAppliedMigrationFailsFastAndChangesNothing(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            try await database.open { db in
                try await db.store.database.raw("INSERT INTO aviary_migrations (name, applied_at) VALUES ('9999_from_a_newer_aviary', 0)").run()
            }
            let withNewMigration = AviaryMigrations.all + [Migration(name: "0100_next", statements: ["CREATE TABLE next_thing (id TEXT)"])]
            try await database.openUnmigrated { store async throws in
                let error = await #expect(throws: StorageError.self) {
                    try await Migrator(database: store.database, migrations: withNewMigration).migrate()
                }
                #expect(error?.isUnknownSchema == true)
                #expect(error?.description.contains("9999_from_a_newer_aviary") == true)
                await #expect(throws: (any Error).self) { try await store.database.raw("SELECT * FROM next_thing").run() }
            }
            // Opening through the application's entry point fails the same way.
            await #expect(throws: StorageError.self) { try await database.open { _ in } }
        }
    }

    @Test(arguments: Backend.all)
    func aFailingMigrationLeavesTheSchemaAsItWas(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            try await database.openUnmigrated { store async throws in
                let broken = AviaryMigrations.all + [Migration(name: "0100_broken", statements: [
                    "CREATE TABLE half_done (id TEXT)", "THIS IS NOT SQL",
                ])]
                await #expect(throws: (any Error).self) { try await Migrator(database: store.database, migrations: broken).migrate() }
                #expect(try await Migrator(database: store.database).applied().isEmpty)
                await #expect(throws: (any Error).self) { try await store.database.raw("SELECT * FROM runs").run() }
                await #expect(throws: (any Error).self) { try await store.database.raw("SELECT * FROM half_done").run() }
                #expect(try await Migrator(database: store.database).migrate() == Self.names)
            }
        }
    }

    @Test(arguments: Backend.all)
    func upgradesAnOlderSchemaKeepingItsData(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let run = Fixtures.run(tenant: "globex")
            try await database.openUnmigrated { store in
                #expect(try await Migrator(database: store.database, migrations: Array(AviaryMigrations.all.prefix(1))).migrate() == ["0001_initial"])
                try await store.database.raw("""
                    INSERT INTO runs (id, tenant_id, principal, agent, input, status, created_at, updated_at)
                    VALUES (\(bind: run.id.rawValue), 'globex', 'alice', 'support', '{}', 'running', 0, 0)
                    """).run()
                try await store.database.raw("""
                    INSERT INTO journal (run_id, step_key, state, updated_at) VALUES (\(bind: run.id.rawValue), 'turn/1/model', 'completed', 0)
                    """).run()
            }
            try await database.open { db async throws in
                #expect(db.appliedMigrations == Array(Self.names.dropFirst()))
                // 0002 gave the journal its runs' tenant.
                #expect(try await db.store.loadJournal(run.id, tenant: "globex").map(\.key) == ["turn/1/model"])
                #expect(try await db.store.loadJournal(run.id, tenant: "").isEmpty)
            }
        }
    }

    @Test(arguments: Backend.all)
    func processesOpeningAtOnceApplyEachMigrationOnce(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 { group.addTask { try await database.open { $0.appliedMigrations } } }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            #expect(applied.filter { !$0.isEmpty } == [Self.names])
            try await database.open { db in
                let rows = try await db.store.database.raw("SELECT COUNT(*) AS n FROM aviary_migrations").first(decodingColumn: "n", as: Int.self)
                #expect(rows == Self.names.count)
            }
        }
    }
}
