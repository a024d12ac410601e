import AviaryCore
import Foundation
import Synchronization

/// Wraps a real store and "kills the process" after a number of writes: every later write throws,
/// as if the process had died at that step boundary.
final class CrashingStore: RunStore, Sendable {
    struct Crash: Error {}
    private let base: any RunStore
    private let budget: Int
    private let writes = Mutex(0)
    private let runLoads = Mutex(0)
    private let eventLoads = Mutex(0)
    private let combined = Mutex<[[JournalWrite]]>([])

    init(_ base: any RunStore, crashAfterWrites budget: Int) {
        self.base = base
        self.budget = budget
    }

    var crashed: Bool { writes.withLock { $0 > budget } }
    /// Writes attempted so far.
    var writeCount: Int { writes.withLock { $0 } }
    /// `loadRun` calls so far.
    var runLoadCount: Int { runLoads.withLock { $0 } }
    /// `loadEvents` calls so far.
    var eventLoadCount: Int { eventLoads.withLock { $0 } }

    private func write() throws {
        let n = writes.withLock { $0 += 1; return $0 }
        if n > budget { throw Crash() }
    }

    func loadRun(_ id: RunID, tenant: String) async throws -> RunRecord? {
        runLoads.withLock { $0 += 1 }
        return try await base.loadRun(id, tenant: tenant)
    }
    func deleteRun(_ id: RunID, tenant: String) async throws -> Bool { try write(); return try await base.deleteRun(id, tenant: tenant) }
    func listRuns(_ query: RunQuery) async throws -> [RunRecord] { try await base.listRuns(query) }
    func loadJournal(_ id: RunID, tenant: String) async throws -> [JournalEntry] { try await base.loadJournal(id, tenant: tenant) }
    /// One write, as the real store's one commit (several runs' writes together).
    func write(_ writes: [JournalWrite]) async throws {
        if writes.count > 1 { combined.withLock { $0.append(writes) } }
        try write()
        try await base.write(writes)
    }
    /// The writes of several runs stored together so far.
    var combinedWrites: [[JournalWrite]] { combined.withLock { $0 } }
    func claimInterruptedRuns(limit: Int, lease: RunLease) async throws -> [RunRecord] {
        try write(); return try await base.claimInterruptedRuns(limit: limit, lease: lease)
    }
    func claimAbandonedRuns(limit: Int, lease: RunLease, now: Date) async throws -> [RunRecord] {
        try write(); return try await base.claimAbandonedRuns(limit: limit, lease: lease, now: now)
    }
    func claimRun(_ id: RunID, tenant: String, lease: RunLease, now: Date) async throws -> RunClaim {
        try write(); return try await base.claimRun(id, tenant: tenant, lease: lease, now: now)
    }
    func expiredWaitingRuns(now: Date, limit: Int) async throws -> [RunRecord] { try await base.expiredWaitingRuns(now: now, limit: limit) }
    func answerStep(_ id: RunID, tenant: String, key: String, output: JSONValue, at: Date) async throws -> Bool {
        try write(); return try await base.answerStep(id, tenant: tenant, key: key, output: output, at: at)
    }
    func renewLeases(owner: String, expiresAt: Date) async throws -> Int {
        try write(); return try await base.renewLeases(owner: owner, expiresAt: expiresAt)
    }
    func loadEvents(_ id: RunID, tenant: String, after: Int, limit: Int?) async throws -> [RunEvent] {
        eventLoads.withLock { $0 += 1 }
        return try await base.loadEvents(id, tenant: tenant, after: after, limit: limit)
    }
    func lastEventSequence(_ id: RunID, tenant: String) async throws -> Int? {
        try await base.lastEventSequence(id, tenant: tenant)
    }
}
