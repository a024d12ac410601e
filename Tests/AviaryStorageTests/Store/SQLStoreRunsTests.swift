import Foundation
import AviaryCore
import AviaryStorage
import Testing

@Suite("SQLStore runs")
struct SQLStoreRunsTests {
    static let lease = RunLease(owner: "server-a", expiresAt: Date(timeIntervalSince1970: 10_000))
    @Test(arguments: Backend.all)
    func createsLoadsAndUpdatesARun(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var run = Fixtures.run(session: "ses1", at: 1)
            try await store.createRun(run)
            #expect(try await store.loadRun(run.id, tenant: "acme") == run)

            run.status = .completed
            run.output = ["answer": "Customer c42 is active.", "n": 3]
            run.error = "none"
            run.usage = Usage(inputTokens: 120, outputTokens: 34, costUSD: 0.0125, requests: 3)
            run.updatedAt = Fixtures.date(9)
            try await store.updateRun(run)
            #expect(try await store.loadRun(run.id, tenant: "acme") == run)
            #expect(try await store.loadRun(RunID("run_missing"), tenant: "acme") == nil)
        }
    }

    @Test(arguments: Backend.all)
    func keepsNullableFieldsAndChildRuns(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let parent = Fixtures.run(at: 1)
            let child = Fixtures.run(session: "ses1", parent: parent.id, agent: "customer_support", at: 2)
            try await store.createRun(parent)
            try await store.createRun(child)
            let loadedParent = try #require(try await store.loadRun(parent.id, tenant: "acme"))
            #expect(loadedParent.sessionID == nil && loadedParent.parentRunID == nil && loadedParent.output == nil && loadedParent.error == nil)
            #expect(try await store.loadRun(child.id, tenant: "acme")?.parentRunID == parent.id)
        }
    }

    @Test(arguments: Backend.all)
    func listsNewestFirstWithFilters(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let a = Fixtures.run(principal: "alice", session: "s1", status: .completed, at: 1)
            let b = Fixtures.run(principal: "bob", session: "s1", status: .running, at: 2)
            let c = Fixtures.run(principal: "alice", session: "s2", status: .running, at: 3)
            let child = Fixtures.run(principal: "alice", session: "s1", parent: a.id, status: .completed, at: 4)
            let foreign = Fixtures.run(tenant: "globex", principal: "alice", session: "s1", at: 5)
            for r in [a, b, c, child, foreign] { try await store.createRun(r) }

            func ids(_ q: RunQuery) async throws -> [RunID] { try await store.listRuns(q).map(\.id) }
            #expect(try await ids(RunQuery(tenant: "acme")) == [child.id, c.id, b.id, a.id])
            #expect(try await ids(RunQuery(tenant: "acme", sessionID: "s1")) == [child.id, b.id, a.id])
            #expect(try await ids(RunQuery(tenant: "acme", principal: "alice")) == [child.id, c.id, a.id])
            #expect(try await ids(RunQuery(tenant: "acme", status: .running)) == [c.id, b.id])
            #expect(try await ids(RunQuery(tenant: "acme", topLevelOnly: true)) == [c.id, b.id, a.id])
            #expect(try await ids(RunQuery(tenant: "acme", sessionID: "s1", principal: "alice", status: .completed, topLevelOnly: true)) == [a.id])
            #expect(try await ids(RunQuery(tenant: "acme", limit: 2)) == [child.id, c.id])
            #expect(try await ids(RunQuery(tenant: "acme", limit: 0)).isEmpty)
            #expect(try await ids(RunQuery(tenant: "globex")) == [foreign.id])
            #expect(try await ids(RunQuery(tenant: "nobody")).isEmpty)
            #expect(try await store.listRuns(tenant: "acme", limit: 1).map(\.id) == [child.id])
        }
    }

    @Test(arguments: Backend.all)
    func rejectsADuplicateRunID(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let run = Fixtures.run()
            try await store.createRun(run)
            await #expect(throws: (any Error).self) { try await store.createRun(run) }
            #expect(try await store.listRuns(RunQuery(tenant: "acme")).count == 1)
        }
    }

    @Test(arguments: Backend.all)
    func claimsInterruptedTopLevelRunsOnce(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let a = Fixtures.run(tenant: "acme", status: .interrupted, at: 2)
            let b = Fixtures.run(tenant: "beta", status: .interrupted, at: 1)
            let child = Fixtures.run(tenant: "acme", parent: a.id, status: .interrupted, at: 3)
            let other = Fixtures.run(tenant: "acme", status: .failed, at: 4)
            for r in [a, b, child, other] { try await store.createRun(r) }

            let claimed = try await store.claimInterruptedRuns(limit: 10, lease: Self.lease)
            #expect(claimed.map(\.id) == [b.id, a.id], "oldest first, every tenant, top-level only")
            #expect(claimed.allSatisfy { $0.status == .running && $0.lease == Self.lease }, "claimed under the claimer's lease")
            #expect(try await store.loadRun(a.id, tenant: "acme")?.status == .running)
            #expect(try await store.loadRun(child.id, tenant: "acme")?.status == .interrupted, "children resume with their parent")
            #expect(try await store.loadRun(other.id, tenant: "acme")?.status == .failed)
            #expect(try await store.claimInterruptedRuns(limit: 10, lease: Self.lease).isEmpty, "claimed once")
        }
    }

    @Test(arguments: Backend.all)
    func concurrentClaimsNeverShareARun(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let runs = (0..<40).map { Fixtures.run(tenant: "t\($0 % 3)", status: .interrupted, at: $0) }
            for r in runs { try await store.createRun(r) }
            let claims = try await withThrowingTaskGroup(of: [RunID].self) { group in
                for _ in 0..<4 { group.addTask { try await store.claimInterruptedRuns(limit: 15, lease: Self.lease).map(\.id) } }
                return try await group.reduce(into: [RunID]()) { $0 += $1 }
            }
            #expect(claims.count == 40)
            #expect(Set(claims).count == 40)
        }
    }
}
