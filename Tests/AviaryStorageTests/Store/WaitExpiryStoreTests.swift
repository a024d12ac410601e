import AviaryCore
import Foundation
import Testing

@testable import AviaryStorage

/// The expiry scan reads waiting steps by when their request expires, on SQLite and PostgreSQL:
/// a due request is found however many runs wait without an expiry, and an answered or later one
/// is not.
@Suite("SQLStore wait expiry")
struct WaitExpiryStoreTests {
    static func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    static func waiting(_ store: SQLStore, expiresAt: Double?, tenant: String = "acme") async throws -> RunRecord {
        let run = Fixtures.run(tenant: tenant, status: .waiting)
        try await store.createRun(run)
        let step = JournalEntry(runID: run.id, key: "ask", state: .waiting, output: ["format": 1], wakesAt: expiresAt.map(Self.at))
        try await store.record(step, tenant: tenant, events: [])
        return run
    }

    @Test(arguments: Backend.all)
    func aDueRequestIsFoundBehindManyRunsWaitingWithoutExpiry(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            for _ in 0..<150 { _ = try await Self.waiting(store, expiresAt: nil) }
            let due = try await Self.waiting(store, expiresAt: 100, tenant: "beta")
            let later = try await Self.waiting(store, expiresAt: 500)
            #expect(try await store.expiredWaitingRuns(now: Self.at(99), limit: 100).isEmpty)
            #expect(try await store.expiredWaitingRuns(now: Self.at(100), limit: 100).map(\.id) == [due.id])
            #expect(Set(try await store.expiredWaitingRuns(now: Self.at(600), limit: 100).map(\.id)) == [due.id, later.id])
            #expect(try await store.expiredWaitingRuns(now: Self.at(600), limit: 1).map(\.id) == [due.id], "the earliest expiry first")

            #expect(try await store.answerStep(due.id, tenant: "beta", key: "ask", output: ["format": 1, "answer": [:]], at: Self.at(101)))
            #expect(try await store.expiredWaitingRuns(now: Self.at(600), limit: 100).map(\.id) == [later.id], "an answered step is not due")
        }
    }
}

/// A run's family — the run and its child runs at any depth — however many other runs wait.
@Suite("SQLStore run families")
struct RunFamilyStoreTests {
    @Test(arguments: Backend.all)
    func aRunsWaitingChildIsFoundBehindNewerWaitingRuns(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var parent = Fixtures.run(status: .waiting, at: 1)
            parent.id = RunID("run_fam_1")
            var child = Fixtures.run(parent: parent.id, status: .waiting, at: 2)
            child.id = parent.id.child("turn/1/tool/call_%_1")
            var grandchild = Fixtures.run(parent: child.id, status: .waiting, at: 3)
            grandchild.id = child.id.child("turn/2/tool/x")
            var lookalike = Fixtures.run(status: .waiting, at: 4)
            lookalike.id = RunID("run_fam_10") // shares the characters, not the family
            for run in [parent, child, grandchild, lookalike] { try await store.createRun(run) }
            for i in 0..<120 { try await store.createRun(Fixtures.run(status: .waiting, at: 100 + i)) }

            let family = try await store.listRuns(RunQuery(tenant: "acme", status: .waiting, family: parent.id, limit: 100))
            #expect(Set(family.map(\.id)) == [parent.id, child.id, grandchild.id])
            #expect(try await store.listRuns(RunQuery(tenant: "beta", family: parent.id)).isEmpty, "tenant-scoped")
        }
    }
}
