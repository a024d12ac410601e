import AviaryCore
import AviaryStorage
import Foundation
import Testing

/// `aviary runs prune`: finished runs lose their events and journals, keep their row; runs that can
/// still be resumed keep everything.
@Suite("Run pruning")
struct RunPruningTests {
    @Test(arguments: Backend.all)
    func finishedRunsLoseEventsAndJournalsOthersKeepThem(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            try await database.open { db in
                let store = db.store
                let old = Fixtures.run(status: .completed, at: 0)
                let cancelled = Fixtures.run(status: .cancelled, at: 0)
                let failed = Fixtures.run(status: .failed, at: 0)
                let recent = Fixtures.run(status: .completed, at: 5_000)
                let foreign = Fixtures.run(tenant: "globex", status: .completed, at: 0)
                for run in [old, cancelled, failed, recent, foreign] {
                    try await store.createRun(run)
                    try await store.updateRun(run)
                    try await store.record(Fixtures.step(run.id, "turn/1/model"), tenant: run.tenant,
                                           events: [Fixtures.event(run.id, 1, tenant: run.tenant), Fixtures.event(run.id, 2, tenant: run.tenant)])
                }
                let cutoff = Fixtures.date(1_000)
                let acme = try await store.pruneRuns(endedBefore: cutoff, tenant: "acme")
                #expect(acme == RunPruning(events: 4, journalEntries: 2))
                for run in [old, cancelled] {
                    #expect(try await store.loadEvents(run.id, tenant: "acme").isEmpty)
                    #expect(try await store.loadJournal(run.id, tenant: "acme").isEmpty)
                    let kept = try #require(try await store.loadRun(run.id, tenant: "acme"))
                    #expect(kept.status == run.status && kept.usage == run.usage, "the row keeps its outcome")
                }
                for run in [failed, recent] {
                    #expect(try await store.loadEvents(run.id, tenant: "acme").count == 2, "\(run.status)")
                    #expect(try await store.loadJournal(run.id, tenant: "acme").count == 1)
                }
                #expect(try await store.loadEvents(foreign.id, tenant: "globex").count == 2, "another tenant is untouched")
                #expect(try await store.pruneRuns(endedBefore: cutoff) == RunPruning(events: 2, journalEntries: 1))
                #expect(try await store.pruneRuns(endedBefore: cutoff) == RunPruning(events: 0, journalEntries: 0))
            }
        }
    }

    @Test(arguments: Backend.all)
    func excludedTenantsKeepTheirRunsWhenEveryTenantIsPruned(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let runs = ["acme", "beta", "globex", "initech"].map { Fixtures.run(tenant: $0, status: .completed, at: 0) }
            for run in runs {
                try await store.createRun(run)
                try await store.updateRun(run)
                try await store.record(Fixtures.step(run.id, "turn/1/model"), tenant: run.tenant, events: [Fixtures.event(run.id, 1, tenant: run.tenant)])
            }
            let cutoff = Fixtures.date(1_000)
            #expect(try await store.pruneRuns(endedBefore: cutoff, excludingTenants: ["beta", "initech"]) == RunPruning(events: 2, journalEntries: 2))
            for run in runs {
                let kept = run.tenant == "beta" || run.tenant == "initech"
                #expect(try await store.loadEvents(run.id, tenant: run.tenant).count == (kept ? 1 : 0), "\(run.tenant)")
                #expect(try await store.loadJournal(run.id, tenant: run.tenant).count == (kept ? 1 : 0), "\(run.tenant)")
            }
            #expect(try await store.pruneRuns(endedBefore: cutoff, excludingTenants: ["beta"]) == RunPruning(events: 1, journalEntries: 1),
                    "one excluded tenant")
        }
    }
}
