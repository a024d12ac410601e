import AviaryCore
import SQLKit

/// `record` on SQLite in one statement: an insert into a temporary view whose trigger upserts the
/// journal step and inserts its events (passed as a JSON array). A statement is atomic, so the
/// step and its events land together, in one round trip to the connection's thread instead of a
/// transaction's four.
///
/// The view and trigger are `TEMP`: they live on the connection, not in the file, and are created
/// when ``SQLiteStorage`` opens a migrated database. They mirror the `journal` and `run_events`
/// columns: a migration that changes those tables must change them too.
enum SQLiteJournalRecord {
    /// Creates the view and its trigger on a connection (idempotent).
    static let install: [SQLQueryString] = [
        """
        CREATE TEMP VIEW IF NOT EXISTS journal_record (run_id, step_key, tenant_id, state, output, error, updated_at, events)
        AS SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0
        """,
        """
        CREATE TEMP TRIGGER IF NOT EXISTS journal_record_insert INSTEAD OF INSERT ON journal_record BEGIN
          INSERT INTO journal (run_id, step_key, tenant_id, state, output, error, updated_at)
          VALUES (NEW.run_id, NEW.step_key, NEW.tenant_id, NEW.state, NEW.output, NEW.error, NEW.updated_at)
          ON CONFLICT (run_id, step_key) DO UPDATE SET state = excluded.state, output = excluded.output,
            error = excluded.error, updated_at = excluded.updated_at
          WHERE journal.tenant_id = excluded.tenant_id;
          INSERT INTO run_events (run_id, seq, tenant_id, kind, data, created_at)
          SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(NEW.events) WHERE true
          ON CONFLICT (run_id, seq) DO NOTHING;
        END
        """,
    ]

    /// The statement recording `entry` and `events`.
    static func statement(_ entry: JournalEntry, tenant: String, events: [RunEvent]) -> SQLQueryString {
        let rows = JSONValue.array(events.map { e in
            [.string(e.runID.rawValue), .number(Double(e.sequence)), .string(e.tenant), .string(e.kind.rawValue),
             .string(e.data.jsonString), .number(e.timestamp.timeIntervalSince1970)]
        })
        return """
            INSERT INTO journal_record (run_id, step_key, tenant_id, state, output, error, updated_at, events)
            VALUES (\(bind: entry.runID.rawValue), \(bind: entry.key), \(bind: tenant), \(bind: entry.state.rawValue),
              \(bind: entry.output?.jsonString), \(bind: entry.error), \(bind: entry.updatedAt.timeIntervalSince1970), \(bind: rows.jsonString))
            """
    }
}
