import AviaryCore
import Foundation
import SQLKit

/// Human agents and their inboxes (``ConversationStore``). Emails are unique per tenant, compared
/// without case. An agent's load changes only with the conversations it takes and lets go
/// (``SQLStore/commit(_:)``), never through an update of the agent.
extension SQLStore {
    public func createHumanAgent(_ a: HumanAgent) async throws {
        do {
            try await transaction { db in
                if try await Self.emailTaken(a, db) { throw HumanAgentEmailTaken(email: a.email) }
                try await db.raw("""
                    INSERT INTO human_agents (id, tenant_id, name, email, status, skills, max_capacity, current_load, principal,
                      last_assigned_at, inbox_seq, created_at)
                    VALUES (\(bind: a.id), \(bind: a.tenant), \(bind: a.name), \(bind: a.email.lowercased()), \(bind: a.status.rawValue),
                      \(bind: Self.skills(a.skills)), \(bind: a.maxCapacity), 0, \(bind: a.principal), NULL, 0,
                      \(bind: a.createdAt.timeIntervalSince1970))
                    """).run()
            }
        } catch let error as HumanAgentEmailTaken { throw error } catch {
            // two creations raced past the check: the unique index refused the second
            if try await emailTaken(a) { throw HumanAgentEmailTaken(email: a.email) }
            throw error
        }
    }

    public func loadHumanAgent(_ id: String, tenant: String) async throws -> HumanAgent? {
        try await database.raw("SELECT * FROM human_agents WHERE id = \(bind: id) AND tenant_id = \(bind: tenant)").first().map(decodeAgent)
    }

    public func humanAgents(tenant: String) async throws -> [HumanAgent] {
        try await database.raw("SELECT * FROM human_agents WHERE tenant_id = \(bind: tenant) ORDER BY created_at, id").all().map(decodeAgent)
    }

    public func updateHumanAgent(_ a: HumanAgent) async throws -> Bool {
        do {
            return try await transaction { db in
                if try await Self.emailTaken(a, db) { throw HumanAgentEmailTaken(email: a.email) }
                return try await db.raw("""
                    UPDATE human_agents SET name = \(bind: a.name), email = \(bind: a.email.lowercased()), status = \(bind: a.status.rawValue),
                      skills = \(bind: Self.skills(a.skills)), max_capacity = \(bind: a.maxCapacity), principal = \(bind: a.principal)
                    WHERE id = \(bind: a.id) AND tenant_id = \(bind: a.tenant)
                    RETURNING id
                    """).first() != nil
            }
        } catch let error as HumanAgentEmailTaken { throw error } catch {
            if try await emailTaken(a) { throw HumanAgentEmailTaken(email: a.email) }
            throw error
        }
    }

    public func deleteHumanAgent(_ id: String, tenant: String) async throws -> Bool {
        try await transaction { db in
            let holding = try await db.raw("""
                SELECT id FROM conversations WHERE tenant_id = \(bind: tenant) AND assigned_agent_id = \(bind: id) LIMIT 1
                """).first()
            guard holding == nil else { return false }
            // the load is checked again on the row itself: an assignment that committed after the
            // check above (PostgreSQL) leaves the agent in place
            guard try await db.raw("""
                DELETE FROM human_agents WHERE id = \(bind: id) AND tenant_id = \(bind: tenant) AND current_load = 0 RETURNING id
                """).first() != nil else { return false }
            try await db.raw("DELETE FROM hil_inbox_events WHERE agent_id = \(bind: id) AND tenant_id = \(bind: tenant)").run()
            return true
        }
    }

    public func loadInboxEvents(agent: String, tenant: String, after: Int, limit: Int) async throws -> [InboxEvent] {
        try await database.raw("""
            SELECT * FROM hil_inbox_events WHERE agent_id = \(bind: agent) AND tenant_id = \(bind: tenant) AND seq > \(bind: after)
            ORDER BY seq LIMIT \(bind: max(limit, 0))
            """).all().compactMap { row in
            guard let kind = ConversationEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return InboxEvent(seq: try row.decode(column: "seq", as: Int.self), kind: kind,
                              conversationID: try row.decode(column: "conversation_id", as: String.self),
                              data: try parseJSON(try row.decode(column: "data", as: String.self), "inbox event") ?? .null,
                              time: Self.date(try row.decode(column: "created_at", as: Double.self)))
        }
    }

    /// Appends an event to an agent's inbox, numbered by the agent's row (whose update also queues
    /// concurrent appends); dropped when the agent no longer exists.
    static func append(_ e: InboxEvent, inboxOf agent: String, tenant: String, _ db: any SQLDatabase) async throws {
        guard let seq = try await db.raw("""
            UPDATE human_agents SET inbox_seq = inbox_seq + 1 WHERE id = \(bind: agent) AND tenant_id = \(bind: tenant) RETURNING inbox_seq
            """).first()?.decode(column: "inbox_seq", as: Int.self) else { return }
        try await db.raw("""
            INSERT INTO hil_inbox_events (agent_id, seq, tenant_id, conversation_id, kind, data, created_at)
            VALUES (\(bind: agent), \(bind: seq), \(bind: tenant), \(bind: e.conversationID), \(bind: e.kind.rawValue), \(bind: e.data.jsonString),
              \(bind: e.time.timeIntervalSince1970))
            """).run()
    }

    private func emailTaken(_ a: HumanAgent) async throws -> Bool {
        try await Self.emailTaken(a, database)
    }

    private static func emailTaken(_ a: HumanAgent, _ db: any SQLDatabase) async throws -> Bool {
        try await db.raw("""
            SELECT id FROM human_agents WHERE tenant_id = \(bind: a.tenant) AND email = \(bind: a.email.lowercased()) AND id <> \(bind: a.id)
            """).first() != nil
    }

    private func decodeAgent(_ row: any SQLRow) throws -> HumanAgent {
        HumanAgent(id: try row.decode(column: "id", as: String.self), tenant: try row.decode(column: "tenant_id", as: String.self),
                   name: try row.decode(column: "name", as: String.self), email: try row.decode(column: "email", as: String.self),
                   status: HumanAgent.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .offline,
                   skills: try decodeSkills(try row.decode(column: "skills", as: String.self)),
                   maxCapacity: try row.decode(column: "max_capacity", as: Int.self),
                   currentLoad: try row.decode(column: "current_load", as: Int.self),
                   principal: try row.decode(column: "principal", as: String?.self),
                   lastAssignedAt: try row.decode(column: "last_assigned_at", as: Double?.self).map(Self.date),
                   createdAt: Self.date(try row.decode(column: "created_at", as: Double.self)))
    }
}
