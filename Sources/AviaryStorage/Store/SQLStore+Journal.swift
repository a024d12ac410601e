import AviaryCore
import Foundation
import SQLKit

extension SQLStore {
    public func loadJournal(_ id: RunID, tenant: String) async throws -> [JournalEntry] {
        try await database.raw("SELECT * FROM journal WHERE run_id = \(bind: id.rawValue) AND tenant_id = \(bind: tenant)").all().map { row in
            JournalEntry(
                runID: id,
                key: try row.decode(column: "step_key", as: String.self),
                state: JournalEntry.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .failed,
                output: try parseJSON(try row.decode(column: "output", as: String?.self), "journal output"),
                error: try row.decode(column: "error", as: String?.self),
                updatedAt: Self.date(try row.decode(column: "updated_at", as: Double.self)))
        }
    }

    /// Writes the step and its events atomically: on PostgreSQL in one statement (a writable CTE),
    /// on SQLite as one group of the connection's next commit (else in a transaction).
    public func record(_ entry: JournalEntry, tenant: String, events: [RunEvent]) async throws {
        let step = journalUpsert(entry, tenant: tenant)
        guard let insertEvents = eventsInsert(events) else {
            try await database.execute(sql: step) { _ in }
            return
        }
        if dialect.hasWritableCTEs {
            try await database.execute(sql: "WITH step AS (" + step + " RETURNING 1) " + insertEvents) { _ in }
        } else if let gated = groupingDatabase {
            try await gated.executeTogether([step, insertEvents])
        } else {
            try await transaction { db in
                try await db.execute(sql: step) { _ in }
                try await db.execute(sql: insertEvents) { _ in }
            }
        }
    }

    /// On SQLite the run's insert, the step and its events go to the connection as one atomic group.
    public func record(_ entry: JournalEntry, tenant: String, events: [RunEvent], creating run: RunRecord?) async throws {
        guard let run, let gated = groupingDatabase else {
            if let run { try await createRun(run) }
            return try await record(entry, tenant: tenant, events: events)
        }
        try await gated.executeTogether(statements(for: JournalWrite(tenant: tenant, creating: run, step: entry, events: events)))
    }

    /// On SQLite the final step, its events and the run update go to the connection as one atomic
    /// group; elsewhere the step with its events, then the run.
    public func finishRun(_ run: RunRecord, held: JournalEntry?, events: [RunEvent]) async throws {
        try await finishRun(run, held: held, events: events, creating: nil)
    }

    /// ``finishRun(_:held:events:)``, inserting `created` first in the same group on SQLite.
    public func finishRun(_ run: RunRecord, held: JournalEntry?, events: [RunEvent], creating created: RunRecord?) async throws {
        guard let gated = groupingDatabase else {
            if let created { try await createRun(created) }
            return try await finishRunInSteps(run, held: held, events: events)
        }
        try await gated.executeTogether(statements(for: JournalWrite(tenant: run.tenant, creating: created, step: held,
                                                                     events: events, finishing: run)))
    }

    /// On SQLite every write's statements go to the connection as one atomic group (one commit).
    /// On PostgreSQL the writes go one after another, each as it would alone — one or two
    /// statements, fewer round trips than a transaction around them all; a crash between them
    /// leaves a child ended and its parent's step not yet recorded, which a resume handles (the
    /// parent finds the child completed). A single write takes the cheapest statements that store
    /// it atomically.
    public func write(_ writes: [JournalWrite]) async throws {
        if writes.count == 1 { return try await writeOne(writes[0]) }
        guard let gated = groupingDatabase else {
            for w in writes { try await writeOne(w) }
            return
        }
        try await gated.executeTogether(writes.flatMap(statements(for:)))
    }

    /// One run's write: the run's update alone, its end (with the held step and events), a step
    /// with its events, or the insert and events.
    private func writeOne(_ w: JournalWrite) async throws {
        if let finishing = w.finishing {
            if w.creating == nil, w.step == nil, w.events.isEmpty { return try await updateRun(finishing) }
            return try await finishRun(finishing, held: w.step, events: w.events, creating: w.creating)
        }
        if let step = w.step { return try await record(step, tenant: w.tenant, events: w.events, creating: w.creating) }
        if let created = w.creating { try await createRun(created) }
        try await appendEvents(w.events)
    }

    /// ``finishRun(_:held:events:)`` as separate statements: the held step with the events (or the
    /// events alone), then the run.
    private func finishRunInSteps(_ run: RunRecord, held: JournalEntry?, events: [RunEvent]) async throws {
        if let held {
            try await record(held, tenant: run.tenant, events: events)
        } else {
            try await appendEvents(events)
        }
        try await updateRun(run)
    }

    /// The connection that takes statement groups (SQLite), else nil.
    private var groupingDatabase: GatedSQLDatabase? {
        dialect.groupsWrites ? database as? GatedSQLDatabase : nil
    }

    /// A write's statements in order: the insert, the step, the events, the update.
    private func statements(for write: JournalWrite) -> [SQLStatement] {
        var statements: [SQLStatement] = []
        if let created = write.creating { statements.append(runInsert(created)) }
        if let step = write.step { statements.append(journalUpsert(step, tenant: write.tenant)) }
        if let insert = eventsInsert(write.events) { statements.append(insert) }
        if let finishing = write.finishing { statements.append(runUpdate(finishing)) }
        return statements
    }

    /// Appends events; an event whose run and sequence number are already stored is skipped.
    public func appendEvents(_ events: [RunEvent]) async throws {
        guard let insert = eventsInsert(events) else { return }
        try await database.execute(sql: insert) { _ in }
    }

    public func loadEvents(_ id: RunID, tenant: String, after: Int, limit: Int?) async throws -> [RunEvent] {
        var sql = SQLQueryString("SELECT * FROM run_events WHERE run_id = \(bind: id.rawValue) AND tenant_id = \(bind: tenant) AND seq > \(bind: after) ORDER BY seq")
        if let limit { sql += " LIMIT \(bind: max(limit, 0))" }
        return try await database.raw(sql).all().map { row in
            let kindName = try row.decode(column: "kind", as: String.self)
            guard let kind = RunEvent.Kind(rawValue: kindName) else { throw StorageError.corrupt("unknown event kind '\(kindName)'") }
            return RunEvent(
                runID: id, sequence: try row.decode(column: "seq", as: Int.self),
                timestamp: Self.date(try row.decode(column: "created_at", as: Double.self)),
                tenant: try row.decode(column: "tenant_id", as: String.self), kind: kind,
                data: try parseJSON(try row.decode(column: "data", as: String.self), "event data") ?? .null)
        }
    }

    /// One `max(seq)` over the run's events (the `(run_id, seq)` key answers it from the index).
    public func lastEventSequence(_ id: RunID, tenant: String) async throws -> Int? {
        let row = try await database.raw("""
            SELECT max(seq) AS last_seq FROM run_events WHERE run_id = \(bind: id.rawValue) AND tenant_id = \(bind: tenant)
            """).first()
        return try row?.decode(column: "last_seq", as: Int?.self)
    }

    /// Inserts or replaces a step; a row of another tenant under the same key stays untouched.
    private func journalUpsert(_ entry: JournalEntry, tenant: String) -> SQLStatement {
        if let wakesAt = entry.wakesAt {
            // a waiting step that expires (rare): its expiry goes to the column the expiry scan reads
            return SQLStatement("""
                INSERT INTO journal (run_id, step_key, tenant_id, state, output, error, updated_at, wakes_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id, step_key) DO UPDATE SET state = excluded.state, output = excluded.output,
                  error = excluded.error, updated_at = excluded.updated_at, wakes_at = excluded.wakes_at
                WHERE journal.tenant_id = excluded.tenant_id
                """, [.text(entry.runID.rawValue), .text(entry.key), .text(tenant), .text(entry.state.rawValue),
                      .text(json(entry.output)), .text(entry.error), .real(entry.updatedAt.timeIntervalSince1970),
                      .real(wakesAt.timeIntervalSince1970)])
        }
        return SQLStatement("""
            INSERT INTO journal (run_id, step_key, tenant_id, state, output, error, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id, step_key) DO UPDATE SET state = excluded.state, output = excluded.output,
              error = excluded.error, updated_at = excluded.updated_at
            WHERE journal.tenant_id = excluded.tenant_id
            """, [.text(entry.runID.rawValue), .text(entry.key), .text(tenant), .text(entry.state.rawValue),
                  .text(json(entry.output)), .text(entry.error), .real(entry.updatedAt.timeIntervalSince1970)])
    }

    /// One multi-row insert of events, or nil when there are none.
    private func eventsInsert(_ events: [RunEvent]) -> SQLStatement? {
        guard !events.isEmpty else { return nil }
        var sql = "INSERT INTO run_events (run_id, seq, tenant_id, kind, data, created_at) VALUES (?, ?, ?, ?, ?, ?)"
        sql.reserveCapacity(sql.utf8.count + 20 * events.count + 40)
        var values: [SQLStatement.Value] = []
        values.reserveCapacity(6 * events.count)
        for (i, e) in events.enumerated() {
            if i > 0 { sql += ", (?, ?, ?, ?, ?, ?)" }
            values += [.text(e.runID.rawValue), .integer(e.sequence), .text(e.tenant), .text(e.kind.rawValue),
                       .text(e.data.jsonString), .real(e.timestamp.timeIntervalSince1970)]
        }
        sql += " ON CONFLICT (run_id, seq) DO NOTHING"
        return SQLStatement(sql, values)
    }
}
