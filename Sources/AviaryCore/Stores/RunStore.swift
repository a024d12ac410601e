import Foundation

/// Persistence of runs, their step journal and their events. Every call is tenant-scoped:
/// another tenant's run reads as absent.
public protocol RunStore: Sendable {
    /// Inserts a new run.
    func createRun(_ run: RunRecord) async throws
    /// Loads a run of a tenant; `nil` when absent or owned by another tenant.
    func loadRun(_ id: RunID, tenant: String) async throws -> RunRecord?
    /// Saves a run's status, output, error and usage.
    func updateRun(_ run: RunRecord) async throws
    /// Runs matching a query, newest first.
    func listRuns(_ query: RunQuery) async throws -> [RunRecord]
    /// All journal entries of a tenant's run.
    func loadJournal(_ id: RunID, tenant: String) async throws -> [JournalEntry]
    /// Writes a step state (insert or replace by run + key) and appends events, atomically.
    func record(_ entry: JournalEntry, tenant: String, events: [RunEvent]) async throws
    /// Appends events.
    func appendEvents(_ events: [RunEvent]) async throws
    /// Events of a tenant's run with sequence greater than `after`, in order, at most `limit`.
    func loadEvents(_ id: RunID, tenant: String, after: Int, limit: Int?) async throws -> [RunEvent]
    /// The highest event sequence number stored for a tenant's run; `nil` when it has no events.
    /// A resume continues numbering after it without reading the events themselves.
    func lastEventSequence(_ id: RunID, tenant: String) async throws -> Int?
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
    /// Up to `limit` runs of any tenant with status `waiting` that have a waiting step whose
    /// request expired by `now` (``JournalEntry/wakesAt``), the earliest expiry first (for the
    /// expiry Service; runs waiting without an expiry are never scanned).
    func expiredWaitingRuns(now: Date, limit: Int) async throws -> [RunRecord]
    /// Completes a `waiting` step with `output` (a person's answer), by compare-and-set: true
    /// when this call answered it, false when it was no longer waiting (answered already).
    func answerStep(_ id: RunID, tenant: String, key: String, output: JSONValue, at: Date) async throws -> Bool
    /// Extends every lease `owner` holds on a `running` run to `expiresAt` (the heartbeat);
    /// returns how many runs it renewed.
    @discardableResult
    func renewLeases(owner: String, expiresAt: Date) async throws -> Int
    /// Ends an execution: writes the held final step (if any) with the queued events, then the
    /// run's status, output, error and usage — in one commit where the store can (the default
    /// calls ``record(_:tenant:events:)`` or ``appendEvents(_:)``, then ``updateRun(_:)``).
    func finishRun(_ run: RunRecord, held: JournalEntry?, events: [RunEvent]) async throws
    /// ``record(_:tenant:events:)`` of a run's first write when the run itself is not stored yet:
    /// inserts `run` too, in the same commit where the store can (the default inserts it first).
    func record(_ entry: JournalEntry, tenant: String, events: [RunEvent], creating run: RunRecord?) async throws
    /// ``finishRun(_:held:events:)`` of a run never stored: inserts `created` too, in the same
    /// commit where the store can (the default inserts it first).
    func finishRun(_ run: RunRecord, held: JournalEntry?, events: [RunEvent], creating created: RunRecord?) async throws
    /// Stores writes of one or more runs in order — in one commit where the store can (a child
    /// run's end with its parent's delegation step); the default stores them one after another
    /// (``writeInSteps(_:)``).
    func write(_ writes: [JournalWrite]) async throws
    /// Deletes a run of a tenant with its child runs (ids `<run>.<step>…`), their journals and
    /// events, in one transaction; false when the tenant has no such run.
    func deleteRun(_ id: RunID, tenant: String) async throws -> Bool
}

extension RunStore {
    public func record(_ entry: JournalEntry, tenant: String, events: [RunEvent], creating run: RunRecord?) async throws {
        if let run { try await createRun(run) }
        try await record(entry, tenant: tenant, events: events)
    }

    public func finishRun(_ run: RunRecord, held: JournalEntry?, events: [RunEvent], creating created: RunRecord?) async throws {
        if let created { try await createRun(created) }
        try await finishRun(run, held: held, events: events)
    }

    public func finishRun(_ run: RunRecord, held: JournalEntry?, events: [RunEvent]) async throws {
        try await finishRunInSteps(run, held: held, events: events)
    }

    /// ``finishRun(_:held:events:)`` as separate writes: the held step with the events (or the
    /// events alone), then the run.
    public func finishRunInSteps(_ run: RunRecord, held: JournalEntry?, events: [RunEvent]) async throws {
        if let held {
            try await record(held, tenant: run.tenant, events: events)
        } else {
            try await appendEvents(events)
        }
        try await updateRun(run)
    }

    public func write(_ writes: [JournalWrite]) async throws {
        try await writeInSteps(writes)
    }

    /// ``write(_:)`` as one store call per run's write: ``finishRun(_:held:events:creating:)``,
    /// ``record(_:tenant:events:creating:)``, or the insert and ``appendEvents(_:)``.
    public func writeInSteps(_ writes: [JournalWrite]) async throws {
        for w in writes {
            if let finishing = w.finishing {
                try await finishRun(finishing, held: w.step, events: w.events, creating: w.creating)
            } else if let step = w.step {
                try await record(step, tenant: w.tenant, events: w.events, creating: w.creating)
            } else {
                if let created = w.creating { try await createRun(created) }
                try await appendEvents(w.events)
            }
        }
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
