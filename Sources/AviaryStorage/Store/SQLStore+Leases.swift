import AviaryCore
import Foundation
import SQLKit

/// Run leases (``RunLease``): claiming one run, recovering runs whose process died, and the
/// heartbeat. Each claim is one conditional `UPDATE … RETURNING`, so of two processes racing for a
/// run exactly one gets it, on SQLite (writers are serialised) and on PostgreSQL (the row lock).
extension SQLStore {
    public func claimRun(_ id: RunID, tenant: String, lease: RunLease, now: Date) async throws -> RunClaim {
        let claimed = try await database.raw("""
            UPDATE runs SET status = 'running', lease_owner = \(bind: lease.owner),
              lease_expires_at = \(bind: lease.expiresAt.timeIntervalSince1970)
            WHERE id = \(bind: id.rawValue) AND tenant_id = \(bind: tenant) AND status NOT IN ('completed', 'cancelled')
              AND (status <> 'running' OR lease_expires_at IS NULL OR lease_expires_at <= \(bind: now.timeIntervalSince1970)
                   OR lease_owner = \(bind: lease.owner))
            RETURNING *
            """).first()
        if let claimed { return .claimed(try decodeRun(claimed)) }
        guard let current = try await loadRun(id, tenant: tenant) else { return .absent }
        return current.status == .completed || current.status == .cancelled ? .ended(current) : .held(current)
    }

    public func claimAbandonedRuns(limit: Int, lease: RunLease, now: Date) async throws -> [RunRecord] {
        let now = now.timeIntervalSince1970
        return try await database.raw("""
            UPDATE runs SET lease_owner = \(bind: lease.owner), lease_expires_at = \(bind: lease.expiresAt.timeIntervalSince1970)
            WHERE status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at <= \(bind: now)) AND id IN (
              SELECT id FROM runs WHERE status = 'running' AND parent_run_id IS NULL
                AND (lease_expires_at IS NULL OR lease_expires_at <= \(bind: now))
              ORDER BY updated_at, id LIMIT \(bind: max(limit, 0))\(unsafeRaw: dialect.claimRows))
            RETURNING *
            """).all().map(decodeRun).sorted { ($0.updatedAt, $0.id.rawValue) < ($1.updatedAt, $1.id.rawValue) }
    }

    public func expiredWaitingRuns(now: Date, limit: Int) async throws -> [RunRecord] {
        try await database.raw("""
            SELECT * FROM runs WHERE status = 'waiting' AND (id, tenant_id) IN (
              SELECT run_id, tenant_id FROM journal
              WHERE state = 'waiting' AND wakes_at IS NOT NULL AND wakes_at <= \(bind: now.timeIntervalSince1970)
              ORDER BY wakes_at LIMIT \(bind: max(limit, 0)))
            """).all().map(decodeRun)
    }

    public func answerStep(_ id: RunID, tenant: String, key: String, output: JSONValue, at: Date) async throws -> Bool {
        try await database.raw("""
            UPDATE journal SET state = 'completed', output = \(bind: output.jsonString), updated_at = \(bind: at.timeIntervalSince1970)
            WHERE run_id = \(bind: id.rawValue) AND tenant_id = \(bind: tenant) AND step_key = \(bind: key) AND state = 'waiting'
            RETURNING step_key
            """).first() != nil
    }

    @discardableResult
    public func renewLeases(owner: String, expiresAt: Date) async throws -> Int {
        try await database.raw("""
            UPDATE runs SET lease_expires_at = \(bind: expiresAt.timeIntervalSince1970)
            WHERE lease_owner = \(bind: owner) AND status = 'running'
            RETURNING id
            """).all().count
    }
}
