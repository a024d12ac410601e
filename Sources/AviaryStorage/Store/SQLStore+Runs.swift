import AviaryCore
import Foundation
import SQLKit

extension SQLStore {
    public func createRun(_ run: RunRecord) async throws {
        try await database.raw("""
            INSERT INTO runs (id, tenant_id, principal, session_id, parent_run_id, agent, input, status, output, error,
              input_tokens, output_tokens, cost_usd, requests, created_at, updated_at)
            VALUES (\(bind: run.id.rawValue), \(bind: run.tenant), \(bind: run.principal), \(bind: run.sessionID),
              \(bind: run.parentRunID?.rawValue), \(bind: run.agent), \(bind: run.input.jsonString), \(bind: run.status.rawValue),
              \(bind: json(run.output)), \(bind: run.error), \(bind: run.usage.inputTokens), \(bind: run.usage.outputTokens),
              \(bind: run.usage.costUSD), \(bind: run.usage.requests), \(bind: run.createdAt.timeIntervalSince1970),
              \(bind: run.updatedAt.timeIntervalSince1970))
            """).run()
    }

    public func loadRun(_ id: RunID, tenant: String) async throws -> RunRecord? {
        guard let row = try await database.raw("SELECT * FROM runs WHERE id = \(bind: id.rawValue) AND tenant_id = \(bind: tenant)").first() else {
            return nil
        }
        return try decodeRun(row)
    }

    public func updateRun(_ run: RunRecord) async throws {
        try await database.raw("""
            UPDATE runs SET status = \(bind: run.status.rawValue), output = \(bind: json(run.output)), error = \(bind: run.error),
              input_tokens = \(bind: run.usage.inputTokens), output_tokens = \(bind: run.usage.outputTokens),
              cost_usd = \(bind: run.usage.costUSD), requests = \(bind: run.usage.requests),
              updated_at = \(bind: run.updatedAt.timeIntervalSince1970)
            WHERE id = \(bind: run.id.rawValue) AND tenant_id = \(bind: run.tenant)
            """).run()
    }

    public func listRuns(_ q: RunQuery) async throws -> [RunRecord] {
        var sql = SQLQueryString("SELECT * FROM runs WHERE tenant_id = \(bind: q.tenant)")
        if let s = q.sessionID { sql += " AND session_id = \(bind: s)" }
        if let p = q.principal { sql += " AND principal = \(bind: p)" }
        if let s = q.status { sql += " AND status = \(bind: s.rawValue)" }
        if q.topLevelOnly { sql.appendLiteral(" AND parent_run_id IS NULL") }
        sql += " ORDER BY created_at DESC, id DESC LIMIT \(bind: max(q.limit, 0))"
        return try await database.raw(sql).all().map(decodeRun)
    }

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

    public func record(_ entry: JournalEntry, tenant: String, events: [RunEvent]) async throws {
        try await database.raw("""
            INSERT INTO journal (run_id, step_key, tenant_id, state, output, error, updated_at)
            VALUES (\(bind: entry.runID.rawValue), \(bind: entry.key), \(bind: tenant), \(bind: entry.state.rawValue), \(bind: json(entry.output)),
              \(bind: entry.error), \(bind: entry.updatedAt.timeIntervalSince1970))
            ON CONFLICT (run_id, step_key) DO UPDATE SET state = excluded.state, output = excluded.output,
              error = excluded.error, updated_at = excluded.updated_at
            """).run()
        try await appendEvents(events)
    }

    public func appendEvents(_ events: [RunEvent]) async throws {
        guard !events.isEmpty else { return }
        var query = SQLQueryString("INSERT INTO run_events (run_id, seq, tenant_id, kind, data, created_at) VALUES ")
        for (i, e) in events.enumerated() {
            if i > 0 { query.appendLiteral(", ") }
            query += "(\(bind: e.runID.rawValue), \(bind: e.sequence), \(bind: e.tenant), \(bind: e.kind.rawValue), \(bind: e.data.jsonString), \(bind: e.timestamp.timeIntervalSince1970))"
        }
        query.appendLiteral(" ON CONFLICT (run_id, seq) DO NOTHING")
        try await database.raw(query).run()
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

    private func decodeRun(_ row: any SQLRow) throws -> RunRecord {
        let statusName = try row.decode(column: "status", as: String.self)
        return RunRecord(
            id: RunID(try row.decode(column: "id", as: String.self)),
            tenant: try row.decode(column: "tenant_id", as: String.self),
            principal: try row.decode(column: "principal", as: String.self),
            sessionID: try row.decode(column: "session_id", as: String?.self),
            parentRunID: try row.decode(column: "parent_run_id", as: String?.self).map { RunID($0) },
            agent: try row.decode(column: "agent", as: String.self),
            input: try parseJSON(try row.decode(column: "input", as: String.self), "run input") ?? .null,
            status: RunStatus(rawValue: statusName) ?? .failed,
            output: try parseJSON(try row.decode(column: "output", as: String?.self), "run output"),
            error: try row.decode(column: "error", as: String?.self),
            usage: Usage(inputTokens: try row.decode(column: "input_tokens", as: Int.self),
                         outputTokens: try row.decode(column: "output_tokens", as: Int.self),
                         costUSD: try row.decode(column: "cost_usd", as: Double.self),
                         requests: try row.decode(column: "requests", as: Int.self)),
            createdAt: Self.date(try row.decode(column: "created_at", as: Double.self)),
            updatedAt: Self.date(try row.decode(column: "updated_at", as: Double.self)))
    }
}
