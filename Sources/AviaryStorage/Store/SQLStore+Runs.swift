import AviaryCore
import Foundation
import SQLKit

extension SQLStore {
    public func createRun(_ run: RunRecord) async throws {
        try await database.execute(sql: runInsert(run)) { _ in }
    }

    /// The statement inserting a new run.
    func runInsert(_ run: RunRecord) -> SQLStatement {
        SQLStatement("""
            INSERT INTO runs (id, tenant_id, principal, session_id, parent_run_id, agent, input, status, output, error,
              input_tokens, output_tokens, cost_usd, requests, created_at, updated_at, lease_owner, lease_expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(run.id.rawValue), .text(run.tenant), .text(run.principal), .text(run.sessionID),
                  .text(run.parentRunID?.rawValue), .text(run.agent), .text(run.input.jsonString), .text(run.status.rawValue),
                  .text(json(run.output)), .text(run.error), .integer(run.usage.inputTokens), .integer(run.usage.outputTokens),
                  .real(run.usage.costUSD), .integer(run.usage.requests), .real(run.createdAt.timeIntervalSince1970),
                  .real(run.updatedAt.timeIntervalSince1970), .text(run.lease?.owner),
                  .real(run.lease?.expiresAt.timeIntervalSince1970)])
    }

    public func loadRun(_ id: RunID, tenant: String) async throws -> RunRecord? {
        guard let row = try await database.raw("SELECT * FROM runs WHERE id = \(bind: id.rawValue) AND tenant_id = \(bind: tenant)").first() else {
            return nil
        }
        return try decodeRun(row)
    }

    public func updateRun(_ run: RunRecord) async throws {
        try await database.execute(sql: runUpdate(run)) { _ in }
    }

    /// The statement saving a run's status, output, error and usage.
    func runUpdate(_ run: RunRecord) -> SQLStatement {
        SQLStatement("""
            UPDATE runs SET status = ?, output = ?, error = ?, input_tokens = ?, output_tokens = ?, cost_usd = ?,
              requests = ?, updated_at = ?
            WHERE id = ? AND tenant_id = ?
            """, [.text(run.status.rawValue), .text(json(run.output)), .text(run.error), .integer(run.usage.inputTokens),
                  .integer(run.usage.outputTokens), .real(run.usage.costUSD), .integer(run.usage.requests),
                  .real(run.updatedAt.timeIntervalSince1970), .text(run.id.rawValue), .text(run.tenant)])
    }

    public func claimInterruptedRuns(limit: Int, lease: RunLease) async throws -> [RunRecord] {
        // PostgreSQL: the subquery locks the rows it picks and skips those another claimer holds,
        // and the outer status test is re-checked on the locked row, so claimers never share a run
        // and none comes back short while runs are left. SQLite serialises writers anyway.
        try await database.raw("""
            UPDATE runs SET status = 'running', lease_owner = \(bind: lease.owner), lease_expires_at = \(bind: lease.expiresAt.timeIntervalSince1970)
            WHERE status = 'interrupted' AND id IN (
              \(unsafeRaw: Self.interruptedRunsOldestFirst)
              LIMIT \(bind: max(limit, 0))\(unsafeRaw: dialect.claimRows))
            RETURNING *
            """).all().map(decodeRun).sorted { ($0.updatedAt, $0.id.rawValue) < ($1.updatedAt, $1.id.rawValue) }
    }

    /// The interrupted top-level runs, oldest first: its `WHERE` is the one of the partial index
    /// `runs_interrupted` (migration 0006), so the claim reads only those runs.
    static let interruptedRunsOldestFirst =
        "SELECT id FROM runs WHERE status = 'interrupted' AND parent_run_id IS NULL ORDER BY updated_at, id"

    public func listRuns(_ q: RunQuery) async throws -> [RunRecord] {
        var sql = SQLQueryString("SELECT * FROM runs WHERE tenant_id = \(bind: q.tenant)")
        if let s = q.sessionID { sql += " AND session_id = \(bind: s)" }
        if let p = q.principal { sql += " AND principal = \(bind: p)" }
        if let s = q.status { sql += " AND status = \(bind: s.rawValue)" }
        if q.topLevelOnly { sql.appendLiteral(" AND parent_run_id IS NULL") }
        if let family = q.family {
            // a prefix compare, not LIKE: ids and step keys may hold `_` and `%`
            let prefix = family.rawValue + "."
            sql += " AND (id = \(bind: family.rawValue) OR substr(id, 1, CAST(\(bind: prefix.count) AS INTEGER)) = \(bind: prefix))"
        }
        sql += " ORDER BY created_at DESC, id DESC LIMIT \(bind: max(q.limit, 0))"
        return try await database.raw(sql).all().map(decodeRun)
    }

    func decodeRun(_ row: any SQLRow) throws -> RunRecord {
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
            updatedAt: Self.date(try row.decode(column: "updated_at", as: Double.self)),
            lease: try decodeLease(row))
    }

    private func decodeLease(_ row: any SQLRow) throws -> RunLease? {
        guard let owner = try row.decode(column: "lease_owner", as: String?.self),
              let expires = try row.decode(column: "lease_expires_at", as: Double?.self) else { return nil }
        return RunLease(owner: owner, expiresAt: Self.date(expires))
    }
}
