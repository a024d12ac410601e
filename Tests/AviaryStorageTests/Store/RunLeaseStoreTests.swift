import AviaryCore
import Foundation
import Testing

@testable import AviaryStorage

/// Run leases in the store, on SQLite and PostgreSQL: one claim wins, a live lease refuses
/// another owner, an expired one is taken over, and the heartbeat renews one owner's runs only.
@Suite("SQLStore run leases")
struct RunLeaseStoreTests {
    static func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
    static func lease(_ owner: String, until seconds: Double) -> RunLease { RunLease(owner: owner, expiresAt: at(seconds)) }

    @Test(arguments: Backend.all)
    func aLiveLeaseRefusesAnotherOwnerAndAnExpiredOneIsTakenOver(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var run = Fixtures.run(status: .running)
            run.lease = Self.lease("a", until: 100)
            try await store.createRun(run)
            #expect(try await store.loadRun(run.id, tenant: "acme")?.lease == Self.lease("a", until: 100), "stored with the run")

            // b at t=50: a's lease is live
            guard case .held(let held) = try await store.claimRun(run.id, tenant: "acme", lease: Self.lease("b", until: 150), now: Self.at(50))
            else { Issue.record("a live lease of another owner must refuse the claim"); return }
            #expect(held.lease?.owner == "a")
            // a itself may claim again (a resume in the process that holds it)
            guard case .claimed = try await store.claimRun(run.id, tenant: "acme", lease: Self.lease("a", until: 120), now: Self.at(50))
            else { Issue.record("the owner may claim its own run"); return }
            // b at t=121: a's lease expired
            guard case .claimed(let taken) = try await store.claimRun(run.id, tenant: "acme", lease: Self.lease("b", until: 200), now: Self.at(121))
            else { Issue.record("an expired lease must be taken over"); return }
            #expect(taken.status == .running)
            #expect(taken.lease == Self.lease("b", until: 200))
            // another tenant never sees it
            #expect(try await store.claimRun(run.id, tenant: "beta", lease: Self.lease("c", until: 999), now: Self.at(500)) == .absent)
        }
    }

    @Test(arguments: Backend.all)
    func stoppedRunsAreClaimedWhateverTheirLeaseAndEndedOnesNever(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var interrupted = Fixtures.run(status: .interrupted)
            interrupted.lease = Self.lease("a", until: 100)
            var completed = Fixtures.run(status: .completed)
            completed.lease = Self.lease("a", until: 100)
            try await store.createRun(interrupted)
            try await store.createRun(completed)
            guard case .claimed(let claimed) = try await store.claimRun(interrupted.id, tenant: "acme", lease: Self.lease("b", until: 90),
                                                                        now: Self.at(10))
            else { Issue.record("a run that stopped is not held by anyone"); return }
            #expect(claimed.status == .running)
            guard case .ended(let ended) = try await store.claimRun(completed.id, tenant: "acme", lease: Self.lease("b", until: 90), now: Self.at(500))
            else { Issue.record("an ended run is never claimed"); return }
            #expect(ended.status == .completed)
        }
    }

    @Test(arguments: Backend.all)
    func racingClaimersExecuteARunOnce(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var run = Fixtures.run(status: .running)
            run.lease = Self.lease("dead", until: 10)
            try await store.createRun(run)
            let id = run.id
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<8 {
                    group.addTask {
                        if case .claimed = try await store.claimRun(id, tenant: "acme", lease: Self.lease("p\(i)", until: 100), now: Self.at(50)) {
                            return true
                        }
                        return false
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
        }
    }

    @Test(arguments: Backend.all)
    func recoveryClaimsExpiredTopLevelRunsOnceAndTheHeartbeatRenewsItsOwnersRuns(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var expired = Fixtures.run(tenant: "acme", status: .running, at: 2)
            expired.lease = Self.lease("dead", until: 40)
            var legacy = Fixtures.run(tenant: "beta", status: .running, at: 1) // stored before leases: no lease
            var live = Fixtures.run(tenant: "acme", status: .running, at: 3)
            live.lease = Self.lease("alive", until: 100)
            var child = Fixtures.run(tenant: "acme", parent: expired.id, status: .running, at: 4)
            child.lease = Self.lease("dead", until: 40)
            var waiting = Fixtures.run(tenant: "acme", status: .interrupted, at: 5)
            waiting.lease = Self.lease("dead", until: 40)
            legacy.lease = nil
            for r in [expired, legacy, live, child, waiting] { try await store.createRun(r) }

            let claimed = try await store.claimAbandonedRuns(limit: 10, lease: Self.lease("new", until: 200), now: Self.at(50))
            #expect(claimed.map(\.id) == [legacy.id, expired.id], "oldest first, top-level, running, lease expired or absent")
            #expect(claimed.allSatisfy { $0.lease == Self.lease("new", until: 200) && $0.status == .running })
            #expect(try await store.claimAbandonedRuns(limit: 10, lease: Self.lease("other", until: 200), now: Self.at(50)).isEmpty)

            #expect(try await store.renewLeases(owner: "new", expiresAt: Self.at(300)) == 2)
            #expect(try await store.loadRun(expired.id, tenant: "acme")?.lease?.expiresAt == Self.at(300))
            #expect(try await store.loadRun(live.id, tenant: "acme")?.lease == Self.lease("alive", until: 100), "other owners' leases untouched")
            #expect(try await store.renewLeases(owner: "dead", expiresAt: Self.at(300)) == 1, "the child still carries the dead owner")
        }
    }
}
