import AviaryCore
import Foundation
import SQLKit

extension SQLStore {
    /// Deletes a run with its child runs (`<run>.…`), journals and events in one transaction.
    public func deleteRun(_ id: RunID, tenant: String) async throws -> Bool {
        let prefix = id.rawValue + "."
        let length = prefix.count
        return try await transaction { db in
            // a run's children carry its id and a dot as prefix (`RunID.child`)
            let found = try await db.raw("""
                DELETE FROM runs WHERE tenant_id = \(bind: tenant) AND id = \(bind: id.rawValue) RETURNING id
                """).first()
            guard found != nil else { return false }
            try await db.raw("""
                DELETE FROM runs WHERE tenant_id = \(bind: tenant) AND substr(id, 1, \(bind: length)) = \(bind: prefix)
                """).run()
            for table in ["run_events", "journal"] {
                try await db.raw("""
                    DELETE FROM \(ident: table) WHERE tenant_id = \(bind: tenant)
                    AND (run_id = \(bind: id.rawValue) OR substr(run_id, 1, \(bind: length)) = \(bind: prefix))
                    """).run()
            }
            return true
        }
    }
}

extension SQLStore {
    /// Deletes the events and journals of runs that ended `completed` or `cancelled` before
    /// `cutoff` (all tenants, or one), keeping the run rows with their outcome and totals. Failed
    /// and interrupted runs keep theirs: they can still be resumed, and a resume replays the journal.
    /// Tenants in `excludingTenants` are left alone (the retention service prunes tenants with a
    /// period of their own separately).
    public func pruneRuns(endedBefore cutoff: Date, tenant: String? = nil, excludingTenants: Set<String> = []) async throws -> RunPruning {
        var query: SQLQueryString = "SELECT id FROM runs WHERE status IN ('completed', 'cancelled') AND updated_at < \(bind: cutoff.timeIntervalSince1970)"
        if let tenant { query = query + " AND tenant_id = \(bind: tenant)" }
        if !excludingTenants.isEmpty { query = query + " AND tenant_id NOT IN (\(binds: excludingTenants.sorted()))" }
        let finished = query
        return try await transaction { db in
            var counts: [Int] = []
            for table in ["run_events", "journal"] {
                let count = try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE run_id IN (" + finished + ")").first()
                counts.append(Int(try count?.decode(column: "n", as: Int64.self) ?? 0))
                try await db.raw("DELETE FROM \(ident: table) WHERE run_id IN (" + finished + ")").run()
            }
            return RunPruning(events: counts[0], journalEntries: counts[1])
        }
    }
}

/// What ``SQLStore/pruneRuns(endedBefore:tenant:excludingTenants:)`` deleted.
public struct RunPruning: Sendable, Hashable {
    /// Event rows deleted.
    public let events: Int
    /// Journal entries deleted.
    public let journalEntries: Int

    /// Creates a report.
    public init(events: Int, journalEntries: Int) {
        self.events = events
        self.journalEntries = journalEntries
    }
}
