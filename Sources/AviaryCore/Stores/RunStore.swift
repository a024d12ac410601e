import Foundation

/// Persistence of runs, their step journal and their events: reads, one commit of a list of
/// writes (``write(_:)``), and the lease and answer compare-and-set operations. Every call is
/// tenant-scoped: another tenant's run reads as absent.
///
/// The single-purpose writes (``createRun(_:)``, ``updateRun(_:)``, ``record(_:tenant:events:)``,
/// ``appendEvents(_:)``, ``finishRun(_:held:events:)``) are conveniences that build one
/// ``JournalWrite`` and commit it; a store implements only ``write(_:)``.
public protocol RunStore: Sendable {
    // MARK: Reads

    /// Loads a run of a tenant; `nil` when absent or owned by another tenant.
    func loadRun(_ id: RunID, tenant: String) async throws -> RunRecord?
    /// Runs matching a query, newest first.
    func listRuns(_ query: RunQuery) async throws -> [RunRecord]
    /// All journal entries of a tenant's run.
    func loadJournal(_ id: RunID, tenant: String) async throws -> [JournalEntry]
    /// Events of a tenant's run with sequence greater than `after`, in order, at most `limit`.
    func loadEvents(_ id: RunID, tenant: String, after: Int, limit: Int?) async throws -> [RunEvent]
    /// The highest event sequence number stored for a tenant's run; `nil` when it has no events.
    /// A resume continues numbering after it without reading the events themselves.
    func lastEventSequence(_ id: RunID, tenant: String) async throws -> Int?
    /// Up to `limit` runs of any tenant with status `waiting` that have a waiting step whose
    /// request expired by `now` (``JournalEntry/wakesAt``), the earliest expiry first (for the
    /// expiry Service; runs waiting without an expiry are never scanned).
    func expiredWaitingRuns(now: Date, limit: Int) async throws -> [RunRecord]

    // MARK: The commit

    /// Stores writes of one or more runs in order — each run's insert, step, events and update —
    /// atomically per write, and in one commit where the store can (a child run's end with its
    /// parent's delegation step).
    func write(_ writes: [JournalWrite]) async throws

    // MARK: Leases and answers (compare-and-set)

    /// Claims up to `limit` top-level runs of any tenant stopped `interrupted` (by a graceful
    /// shutdown) for this process to resume: each is moved to `running` under `lease`
    /// atomically, so two processes never claim the same run. Oldest first.
    func claimInterruptedRuns(limit: Int, lease: RunLease) async throws -> [RunRecord]
    /// Claims up to `limit` top-level runs of any tenant left `running` by a process that died:
    /// their lease expired before `now` (or they have none). Each moves to `lease` atomically, so
    /// two processes never claim the same run. Oldest first.
    func claimAbandonedRuns(limit: Int, lease: RunLease, now: Date) async throws -> [RunRecord]
    /// Claims one run for execution under `lease`, atomically: it becomes `running` unless it has
    /// ended, or it is `running` under another owner's lease that has not expired at `now`.
    func claimRun(_ id: RunID, tenant: String, lease: RunLease, now: Date) async throws -> RunClaim
    /// Completes a `waiting` step with `output` (a person's answer), by compare-and-set: true
    /// when this call answered it, false when it was no longer waiting (answered already).
    func answerStep(_ id: RunID, tenant: String, key: String, output: JSONValue, at: Date) async throws -> Bool
    /// Extends every lease `owner` holds on a `running` run to `expiresAt` (the heartbeat);
    /// returns how many runs it renewed.
    @discardableResult
    func renewLeases(owner: String, expiresAt: Date) async throws -> Int

    // MARK: Erasure

    /// Deletes a run of a tenant with its child runs (ids `<run>.<step>…`), their journals and
    /// events, in one transaction; false when the tenant has no such run.
    func deleteRun(_ id: RunID, tenant: String) async throws -> Bool
}

extension RunStore {
    /// Inserts a new run.
    public func createRun(_ run: RunRecord) async throws {
        try await write([JournalWrite(tenant: run.tenant, creating: run)])
    }

    /// Saves a run's status, output, error and usage.
    public func updateRun(_ run: RunRecord) async throws {
        try await write([JournalWrite(tenant: run.tenant, finishing: run)])
    }

    /// Writes a step state (insert or replace by run + key) and appends events, atomically.
    public func record(_ entry: JournalEntry, tenant: String, events: [RunEvent]) async throws {
        try await write([JournalWrite(tenant: tenant, step: entry, events: events)])
    }

    /// ``record(_:tenant:events:)`` of a run's first write when the run itself is not stored yet:
    /// inserts `run` too, in the same commit.
    public func record(_ entry: JournalEntry, tenant: String, events: [RunEvent], creating run: RunRecord?) async throws {
        try await write([JournalWrite(tenant: tenant, creating: run, step: entry, events: events)])
    }

    /// Appends events (of one or more runs); an event already stored is skipped.
    public func appendEvents(_ events: [RunEvent]) async throws {
        guard let first = events.first else { return }
        try await write([JournalWrite(tenant: first.tenant, events: events)])
    }

    /// Ends an execution: writes the held final step (if any) with the queued events, then the
    /// run's status, output, error and usage, in one commit.
    public func finishRun(_ run: RunRecord, held: JournalEntry?, events: [RunEvent]) async throws {
        try await write([JournalWrite(tenant: run.tenant, step: held, events: events, finishing: run)])
    }

    /// Newest runs of a tenant first.
    public func listRuns(tenant: String, limit: Int) async throws -> [RunRecord] {
        try await listRuns(RunQuery(tenant: tenant, limit: limit))
    }

    /// All events of a tenant's run after `after`.
    public func loadEvents(_ id: RunID, tenant: String, after: Int = 0) async throws -> [RunEvent] {
        try await loadEvents(id, tenant: tenant, after: after, limit: nil)
    }
}
