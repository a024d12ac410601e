import AviaryCore
import Foundation
import SQLKit

extension SQLStore {
    public func createSession(_ s: SessionRecord) async throws {
        try await database.raw("""
            INSERT INTO sessions (id, tenant_id, user_id, principal, input_tokens, output_tokens, cost_usd, requests, turns, created_at, updated_at)
            VALUES (\(bind: s.id), \(bind: s.tenant), \(bind: s.userID), \(bind: s.principal), \(bind: s.usage.inputTokens), \(bind: s.usage.outputTokens),
              \(bind: s.usage.costUSD), \(bind: s.usage.requests), \(bind: s.turns), \(bind: s.createdAt.timeIntervalSince1970),
              \(bind: s.updatedAt.timeIntervalSince1970))
            """).run()
    }

    public func loadSession(_ id: String, tenant: String) async throws -> SessionRecord? {
        guard let row = try await database.raw("SELECT * FROM sessions WHERE id = \(bind: id) AND tenant_id = \(bind: tenant)").first() else {
            return nil
        }
        return SessionRecord(
            id: try row.decode(column: "id", as: String.self),
            tenant: try row.decode(column: "tenant_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            principal: try row.decode(column: "principal", as: String.self),
            usage: Usage(inputTokens: try row.decode(column: "input_tokens", as: Int.self),
                         outputTokens: try row.decode(column: "output_tokens", as: Int.self),
                         costUSD: try row.decode(column: "cost_usd", as: Double.self),
                         requests: try row.decode(column: "requests", as: Int.self)),
            turns: try row.decode(column: "turns", as: Int.self),
            createdAt: Self.date(try row.decode(column: "created_at", as: Double.self)),
            updatedAt: Self.date(try row.decode(column: "updated_at", as: Double.self)))
    }

    public func updateSession(_ s: SessionRecord) async throws {
        try await database.raw("""
            UPDATE sessions SET input_tokens = \(bind: s.usage.inputTokens), output_tokens = \(bind: s.usage.outputTokens),
              cost_usd = \(bind: s.usage.costUSD), requests = \(bind: s.usage.requests), turns = \(bind: s.turns),
              updated_at = \(bind: s.updatedAt.timeIntervalSince1970)
            WHERE id = \(bind: s.id) AND tenant_id = \(bind: s.tenant)
            """).run()
    }

    /// Appends the messages with consecutive sequence numbers after the agent's last one, in one
    /// statement; on PostgreSQL concurrent appends to the same transcript queue on an advisory lock.
    public func addTurn(sessionID: String, tenant: String, usage: Usage) async throws {
        try await database.raw("""
            UPDATE sessions SET input_tokens = input_tokens + \(bind: usage.inputTokens),
              output_tokens = output_tokens + \(bind: usage.outputTokens), cost_usd = cost_usd + \(bind: usage.costUSD),
              requests = requests + \(bind: usage.requests), turns = turns + 1, updated_at = \(bind: Date().timeIntervalSince1970)
            WHERE id = \(bind: sessionID) AND tenant_id = \(bind: tenant)
            """).run()
    }

    public func appendTranscript(sessionID: String, tenant: String, agent: String, messages: [Message]) async throws {
        guard !messages.isEmpty else { return }
        var rows = SQLQueryString(" ")
        for (i, message) in messages.enumerated() {
            if i > 0 { rows.appendLiteral(", ") }
            rows += "(\(bind: i + 1), \(bind: try JSONValue(encoding: message).jsonString))"
        }
        // Sequence numbers are unique per session and agent (the primary key), whatever the tenant,
        // so the last one is looked up by key; reads filter by tenant.
        let insert: SQLQueryString = """
            INSERT INTO transcript_messages (session_id, tenant_id, agent, seq, message, created_at)
            SELECT \(bind: sessionID), \(bind: tenant), \(bind: agent), prev.seq + v.column1, v.column2, \(bind: Date().timeIntervalSince1970)
            FROM (SELECT COALESCE(MAX(seq), 0) AS seq FROM transcript_messages WHERE session_id = \(bind: sessionID) AND agent = \(bind: agent)) AS prev,
              (VALUES
            """ + rows + ") AS v"
        guard let lock = dialect.lock("transcript:\(sessionID):\(agent)") else {
            try await database.raw(insert).run()
            return
        }
        try await transaction { db in
            try await db.raw(lock).run()
            try await db.raw(insert).run()
        }
    }

    public func loadTranscript(sessionID: String, tenant: String, agent: String) async throws -> [Message] {
        try await database.raw("""
            SELECT message FROM transcript_messages
            WHERE session_id = \(bind: sessionID) AND tenant_id = \(bind: tenant) AND agent = \(bind: agent) ORDER BY seq
            """).all(decodingColumn: "message", as: String.self).map { text in
                guard let value = try parseJSON(text, "transcript message") else { throw StorageError.corrupt("empty message") }
                return try value.decode(as: Message.self)
            }
    }

    public func transcriptAgents(sessionID: String, tenant: String) async throws -> [String] {
        try await database.raw("""
            SELECT DISTINCT agent FROM transcript_messages WHERE session_id = \(bind: sessionID) AND tenant_id = \(bind: tenant) ORDER BY agent
            """).all(decodingColumn: "agent", as: String.self)
    }

    /// Erases the session and everything recorded for it in one transaction.
    public func deleteSession(_ id: String, tenant: String) async throws -> Bool {
        try await transaction { db in
            let found = try await db.raw("""
                DELETE FROM sessions WHERE id = \(bind: id) AND tenant_id = \(bind: tenant) RETURNING id
                """).first()
            guard found != nil else { return false }
            // Child runs share their parent's session id, so one filter covers the whole tree.
            let runs = SQLQueryString("SELECT id FROM runs WHERE session_id = \(bind: id) AND tenant_id = \(bind: tenant)")
            try await db.raw("DELETE FROM run_events WHERE tenant_id = \(bind: tenant) AND run_id IN (" + runs + ")").run()
            try await db.raw("DELETE FROM journal WHERE tenant_id = \(bind: tenant) AND run_id IN (" + runs + ")").run()
            try await db.raw("DELETE FROM runs WHERE session_id = \(bind: id) AND tenant_id = \(bind: tenant)").run()
            try await db.raw("DELETE FROM transcript_messages WHERE session_id = \(bind: id) AND tenant_id = \(bind: tenant)").run()
            return true
        }
    }
}
