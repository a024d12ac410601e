import AviaryCore
@testable import AviaryStorage
import Foundation
import Testing

/// `write(_:)`: several runs' writes (a delegation's child ending with its parent's step) stored
/// together — one commit on SQLite, one write after another on PostgreSQL.
@Suite("SQLStore combined writes")
struct SQLStoreWriteTests {
    /// A parent run with a child: the child's end (held step, events, final state) and the
    /// parent's delegation step with its events.
    static func delegation() -> (parent: RunRecord, child: RunRecord, writes: [JournalWrite]) {
        let parent = Fixtures.run(status: .running)
        let child = Fixtures.run(parent: parent.id, agent: "support_agent", status: .running)
        var ended = child
        ended.status = .completed
        ended.output = "active"
        ended.usage = Usage(inputTokens: 5, outputTokens: 2, costUSD: 0, requests: 2)
        ended.updatedAt = Fixtures.date(7)
        let childEnd = JournalWrite(tenant: "acme", step: Fixtures.step(child.id, "turn/2/model", output: ["text": "active"]),
                                    events: Fixtures.events(child.id, 5...6), finishing: ended)
        let parentStep = JournalWrite(tenant: "acme", step: Fixtures.step(parent.id, "turn/1/tool/r1", output: ["content": "active"]),
                                      events: Fixtures.events(parent.id, 3...4))
        return (parent, child, [childEnd, parentStep])
    }

    @Test(arguments: Backend.all)
    func storesEveryRunsWriteInOrder(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let (parent, child, writes) = Self.delegation()
            try await store.createRun(parent)
            try await store.createRun(child)
            try await store.write(writes)
            #expect(try await store.loadRun(child.id, tenant: "acme") == writes[0].finishing)
            #expect(try await store.loadJournal(child.id, tenant: "acme") == [writes[0].step].compactMap { $0 })
            #expect(try await store.loadEvents(child.id, tenant: "acme") == Fixtures.events(child.id, 5...6))
            #expect(try await store.loadJournal(parent.id, tenant: "acme") == [writes[1].step].compactMap { $0 })
            #expect(try await store.loadEvents(parent.id, tenant: "acme") == Fixtures.events(parent.id, 3...4))
            #expect(try await store.loadRun(parent.id, tenant: "acme")?.status == .running)
        }
    }

    @Test(arguments: Backend.all)
    func insertsARunWrittenWithItsFirstWrite(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run(status: .running)
            let other = Fixtures.run(status: .running)
            try await store.createRun(other)
            try await store.write([
                JournalWrite(tenant: "acme", events: Fixtures.events(other.id, 1...1)),
                JournalWrite(tenant: "acme", creating: run, step: Fixtures.step(run.id, "turn/1/model"), events: Fixtures.events(run.id, 1...2)),
            ])
            #expect(try await store.loadRun(run.id, tenant: "acme") == run)
            #expect(try await store.loadJournal(run.id, tenant: "acme").map(\.key) == ["turn/1/model"])
            #expect(try await store.loadEvents(run.id, tenant: "acme").count == 2)
            #expect(try await store.loadEvents(other.id, tenant: "acme").count == 1)
        }
    }

    /// On SQLite the writes are one commit: when a later statement fails, the earlier writes are
    /// not stored either.
    @Test func onSQLiteAFailingWriteStoresNoneOfThem() async throws {
        try await withStore(.sqlite) { store in
            let (parent, child, writes) = Self.delegation()
            try await store.createRun(parent)
            try await store.createRun(child)
            // The parent inserted a second time: its primary key is taken, so the group fails.
            var failing = writes
            failing[1].creating = parent
            await #expect(throws: (any Error).self) { try await store.write(failing) }
            #expect(try await store.loadRun(child.id, tenant: "acme")?.status == .running)
            #expect(try await store.loadJournal(child.id, tenant: "acme").isEmpty)
            #expect(try await store.loadEvents(child.id, tenant: "acme").isEmpty)
            #expect(try await store.loadJournal(parent.id, tenant: "acme").isEmpty)
            // The connection is usable afterwards and the same writes go through.
            try await store.write(writes)
            #expect(try await store.loadRun(child.id, tenant: "acme")?.status == .completed)
        }
    }
}
