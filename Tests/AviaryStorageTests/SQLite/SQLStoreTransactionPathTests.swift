import AviaryCore
@testable import AviaryStorage
import AviaryTesting
import Testing

/// `SQLStore(database:)` over a SQLite database (no grouped writes) records in a transaction:
/// still atomic, still safe with many callers on the shared connection.
@Suite("SQLStore on SQLite without grouped writes")
struct SQLStoreTransactionPathTests {
    static func withTransactionStore(_ body: (SQLStore) async throws -> Void) async throws {
        try await withStore(.sqlite) { viewStore in
            let store = SQLStore(database: viewStore.database)
            #expect(!store.dialect.groupsWrites && viewStore.dialect.groupsWrites)
            try await body(store)
        }
    }

    @Test func recordsAtomically() async throws {
        try await Self.withTransactionStore { store in
            let run = Fixtures.run()
            try await store.record(Fixtures.step(run.id, "a"), tenant: "acme", events: Fixtures.events(run.id, 1...2))
            try await SQLStoreJournalTests.withoutEventsTable(store) {
                await #expect(throws: (any Error).self) {
                    try await store.record(Fixtures.step(run.id, "b"), tenant: "acme", events: Fixtures.events(run.id, 3...3))
                }
            }
            #expect(try await store.loadJournal(run.id, tenant: "acme").map(\.key) == ["a"])
            try await store.record(Fixtures.step(run.id, "b"), tenant: "acme", events: Fixtures.events(run.id, 3...3))
            // (Dropping the table took events 1 and 2 with it.)
            #expect(try await store.loadEvents(run.id, tenant: "acme") == Fixtures.events(run.id, 3...3))
        }
    }

    @Test func manyCallersShareTheConnection() async throws {
        try await Self.withTransactionStore { store in
            let runs = (0..<30).map { _ in Fixtures.run() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for run in runs {
                    group.addTask {
                        try await store.createRun(run)
                        for step in 1...5 {
                            try await store.record(Fixtures.step(run.id, "s\(step)"), tenant: "acme",
                                                   events: Fixtures.events(run.id, step...step))
                            _ = try await store.loadJournal(run.id, tenant: "acme")
                        }
                    }
                }
                try await group.waitForAll()
            }
            for run in runs {
                #expect(try await store.loadEvents(run.id, tenant: "acme").count == 5)
                #expect(try await store.loadJournal(run.id, tenant: "acme").count == 5)
            }
        }
    }
}
