import AviaryCore
@testable import AviaryStorage
import Foundation
import SQLKit
import Testing

@Suite("SQLStore journal and events")
struct SQLStoreJournalTests {
    @Test(arguments: Backend.all)
    func upsertsStepsByRunAndKey(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            try await store.createRun(run)
            try await store.record(Fixtures.step(run.id, "turn/1/model", .started, at: 1), tenant: "acme", events: [])
            try await store.record(Fixtures.step(run.id, "turn/1/tool/call_1", .failed, error: "timeout", at: 2), tenant: "acme", events: [])
            try await store.record(Fixtures.step(run.id, "turn/1/model", .completed, output: ["text": "hi", "tokens": [1, 2]], at: 3),
                                   tenant: "acme", events: [])

            let journal = try await store.loadJournal(run.id, tenant: "acme").sorted { $0.key < $1.key }
            #expect(journal == [
                Fixtures.step(run.id, "turn/1/model", .completed, output: ["text": "hi", "tokens": [1, 2]], at: 3),
                Fixtures.step(run.id, "turn/1/tool/call_1", .failed, error: "timeout", at: 2),
            ])
            // A later write replaces output and error too, including back to nothing.
            try await store.record(Fixtures.step(run.id, "turn/1/tool/call_1", .started, at: 4), tenant: "acme", events: [])
            let retried = try await store.loadJournal(run.id, tenant: "acme").first { $0.key == "turn/1/tool/call_1" }
            #expect(retried == Fixtures.step(run.id, "turn/1/tool/call_1", .started, at: 4))
        }
    }

    @Test(arguments: Backend.all)
    func recordsAStepTogetherWithItsEvents(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            try await store.createRun(run)
            try await store.record(Fixtures.step(run.id, "turn/1/model"), tenant: "acme", events: Fixtures.events(run.id, 1...3))
            try await store.record(Fixtures.step(run.id, "turn/2/model"), tenant: "acme", events: Fixtures.events(run.id, 4...4))
            #expect(try await store.loadJournal(run.id, tenant: "acme").count == 2)
            #expect(try await store.loadEvents(run.id, tenant: "acme") == Fixtures.events(run.id, 1...4))
        }
    }

    @Test(arguments: Backend.all)
    func finishingARunWritesTheHeldStepItsEventsAndTheRun(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var run = Fixtures.run()
            try await store.createRun(run)
            run.status = .completed
            run.output = "done"
            run.usage = Usage(inputTokens: 7, outputTokens: 3, costUSD: 0.25, requests: 2)
            run.updatedAt = Fixtures.date(9)
            try await store.finishRun(run, held: Fixtures.step(run.id, "turn/3/model", output: ["text": "done"]),
                                      events: Fixtures.events(run.id, 1...2))
            #expect(try await store.loadRun(run.id, tenant: "acme") == run)
            #expect(try await store.loadJournal(run.id, tenant: "acme") == [Fixtures.step(run.id, "turn/3/model", output: ["text": "done"])])
            #expect(try await store.loadEvents(run.id, tenant: "acme") == Fixtures.events(run.id, 1...2))

            // Without a held step: the events and the run.
            var failed = Fixtures.run()
            try await store.createRun(failed)
            failed.status = .failed
            failed.error = "boom"
            try await store.finishRun(failed, held: nil, events: Fixtures.events(failed.id, 1...1))
            #expect(try await store.loadRun(failed.id, tenant: "acme")?.status == .failed)
            #expect(try await store.loadEvents(failed.id, tenant: "acme") == Fixtures.events(failed.id, 1...1))
            #expect(try await store.loadJournal(failed.id, tenant: "acme").isEmpty)

            // Another tenant's finish changes nothing of this run.
            var foreign = run
            foreign.tenant = "globex"
            foreign.status = .failed
            try await store.finishRun(foreign, held: nil, events: [])
            #expect(try await store.loadRun(run.id, tenant: "acme")?.status == .completed)
        }
    }

    @Test(arguments: Backend.all)
    func loadsEventsInOrderAfterASequenceNumberUpToALimit(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            let other = Fixtures.run()
            // Appended out of order and in several batches: read back by sequence number.
            try await store.appendEvents(Fixtures.events(run.id, 6...10).reversed())
            try await store.appendEvents(Fixtures.events(run.id, 1...5) + Fixtures.events(other.id, 1...2))
            try await store.appendEvents([])

            let all = Fixtures.events(run.id, 1...10)
            #expect(try await store.loadEvents(run.id, tenant: "acme") == all)
            #expect(try await store.loadEvents(run.id, tenant: "acme", after: 7) == Array(all[7...]))
            #expect(try await store.loadEvents(run.id, tenant: "acme", after: 2, limit: 3) == Array(all[2..<5]))
            #expect(try await store.loadEvents(run.id, tenant: "acme", after: 10).isEmpty)
            #expect(try await store.loadEvents(run.id, tenant: "acme", after: 0, limit: 0).isEmpty)
            #expect(try await store.loadEvents(other.id, tenant: "acme") == Fixtures.events(other.id, 1...2))
        }
    }

    @Test(arguments: Backend.all)
    func readsTheLastEventSequenceOfATenantsRun(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            let other = Fixtures.run()
            #expect(try await store.lastEventSequence(run.id, tenant: "acme") == nil)
            // Out of order and with a gap: the highest stored number, not the count or the last appended.
            try await store.appendEvents(Fixtures.events(run.id, 7...9) + Fixtures.events(run.id, 1...3) + Fixtures.events(other.id, 1...12))
            #expect(try await store.lastEventSequence(run.id, tenant: "acme") == 9)
            #expect(try await store.lastEventSequence(other.id, tenant: "acme") == 12)
            // Another tenant's run reads as having no events.
            #expect(try await store.lastEventSequence(run.id, tenant: "globex") == nil)
            // Past 32 bits (the column is BIGINT on both engines).
            try await store.appendEvents([Fixtures.event(run.id, 3_000_000_000)])
            #expect(try await store.lastEventSequence(run.id, tenant: "acme") == 3_000_000_000)
        }
    }

    @Test(arguments: Backend.all)
    func ignoresAnEventWhoseSequenceNumberIsStored(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            let first = Fixtures.event(run.id, 1, kind: .runStarted, data: ["first": true])
            try await store.appendEvents([first])
            // A retried flush, and a batch repeating an event: the stored one stays, the new ones land.
            try await store.appendEvents([Fixtures.event(run.id, 1, kind: .runFailed, data: ["first": false])])
            try await store.record(Fixtures.step(run.id, "k"), tenant: "acme",
                                   events: [Fixtures.event(run.id, 1, kind: .runFailed), Fixtures.event(run.id, 2)])
            #expect(try await store.loadEvents(run.id, tenant: "acme") == [first, Fixtures.event(run.id, 2)])
        }
    }

    @Test(arguments: Backend.all)
    func keepsTimestampsExactly(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            let now = Date().timeIntervalSince1970
            let stamps = [now, now + 0.000_001, 1_700_000_000.123_456_7, 0.1, 1e-9, 2_000_000_000.999_999]
            let events = stamps.enumerated().map { i, t in
                RunEvent(runID: run.id, sequence: i + 1, timestamp: Date(timeIntervalSince1970: t), tenant: "acme", kind: .checkpoint)
            }
            let step = JournalEntry(runID: run.id, key: "k", state: .completed, updatedAt: Date(timeIntervalSince1970: now))
            try await store.record(step, tenant: "acme", events: events)
            #expect(try await store.loadEvents(run.id, tenant: "acme").map(\.timestamp) == events.map(\.timestamp))
            #expect(try await store.loadJournal(run.id, tenant: "acme").map(\.updatedAt) == [step.updatedAt])
        }
    }

    @Test(arguments: Backend.all)
    func keepsEventDataOfEveryShape(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            let data: JSONValue = ["text": "naïve \"quoted\" 🐦\n", "nested": ["list": [1, 2.5, true, .null]], "empty": [:]]
            let events = RunEvent.Kind.allKinds.enumerated().map { Fixtures.event(run.id, $0.offset + 1, kind: $0.element, data: data) }
            try await store.appendEvents(events)
            #expect(try await store.loadEvents(run.id, tenant: "acme") == events)
        }
    }

    @Test(arguments: Backend.all)
    func aFailedRecordLeavesNeitherTheStepNorItsEvents(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            try await store.createRun(run)
            try await store.record(Fixtures.step(run.id, "turn/1/model", .started), tenant: "acme", events: [])
            try await Self.withoutEventsTable(store) {
                // The events' insert fails after the step's upsert would have succeeded.
                await #expect(throws: (any Error).self) {
                    try await store.record(Fixtures.step(run.id, "turn/1/model", .completed, output: "done"), tenant: "acme",
                                           events: Fixtures.events(run.id, 1...2))
                }
            }
            #expect(try await store.loadJournal(run.id, tenant: "acme").map(\.state) == [.started])
            #expect(try await store.loadEvents(run.id, tenant: "acme").isEmpty)
            // The connection is usable again: no transaction was left open.
            try await store.record(Fixtures.step(run.id, "turn/1/model", .completed), tenant: "acme", events: Fixtures.events(run.id, 1...1))
            #expect(try await store.loadJournal(run.id, tenant: "acme").map(\.state) == [.completed])
            #expect(try await store.loadEvents(run.id, tenant: "acme").count == 1)
        }
    }
}

extension SQLStoreJournalTests {
    /// Runs `body` while `run_events` does not exist, then creates it again as migration 0001 did.
    static func withoutEventsTable(_ store: SQLStore, _ body: () async throws -> Void) async throws {
        let create = try #require(AviaryMigrations.initial.statements.first { $0.contains("CREATE TABLE run_events") })
        try await store.database.raw("DROP TABLE run_events").run()
        do {
            try await body()
        } catch {
            try await store.database.raw(SQLQueryString(create)).run()
            throw error
        }
        try await store.database.raw(SQLQueryString(create)).run()
    }
}

extension RunEvent.Kind {
    /// Every kind (the enum is not `CaseIterable`).
    static let allKinds: [RunEvent.Kind] = [
        .runStarted, .runFinished, .runFailed, .runCancelled, .runNeedsAttention, .runResumed, .modelRequest, .modelResponse,
        .modelFailed, .toolStarted, .toolFinished, .toolFailed, .reasoningStep, .delegationStarted, .delegationFinished,
        .guardrailVerdict, .checkpoint,
    ]
}
