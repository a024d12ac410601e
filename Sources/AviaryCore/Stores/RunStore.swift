/// Persistence of runs, their step journal and their events. Every call is tenant-scoped
/// where it reads user data.
public protocol RunStore: Sendable {
    /// Inserts a new run.
    func createRun(_ run: RunRecord) async throws
    /// Loads a run of a tenant; `nil` when absent or owned by another tenant.
    func loadRun(_ id: RunID, tenant: String) async throws -> RunRecord?
    /// Saves a run's status, output, error and usage.
    func updateRun(_ run: RunRecord) async throws
    /// Newest runs of a tenant first.
    func listRuns(tenant: String, limit: Int) async throws -> [RunRecord]
    /// All journal entries of a run.
    func loadJournal(_ id: RunID) async throws -> [JournalEntry]
    /// Writes a step state (insert or replace by run + key) and appends events, atomically.
    func record(_ entry: JournalEntry, events: [RunEvent]) async throws
    /// Appends events.
    func appendEvents(_ events: [RunEvent]) async throws
    /// Events of a run with sequence greater than `after`, in order.
    func loadEvents(_ id: RunID, after: Int) async throws -> [RunEvent]
}
