import AviaryCore
import Foundation
import SQLKit

/// Conversations, their messages and events (``ConversationStore``). A change is one transaction
/// whose first statement is the conditional update of the conversation's row: a change made from
/// a stale version matches no row and writes nothing, and on PostgreSQL the row lock queues
/// concurrent changes of one conversation, so message and event numbers never collide.
extension SQLStore {
    public func createConversation(_ c: ConversationRecord) async throws {
        try await database.raw("""
            INSERT INTO conversations (id, tenant_id, principal, user_id, workflow, state, is_hil, required_skills, priority,
              sla_breached, consecutive_errors, context, metadata, version, created_at, updated_at)
            VALUES (\(bind: c.id), \(bind: c.tenant), \(bind: c.principal), \(bind: c.userID), \(bind: c.workflow), \(bind: c.state.rawValue),
              \(bind: c.isHIL ? 1 : 0), \(bind: Self.skills(c.requiredSkills)), \(bind: c.priority), 0, 0, \(bind: json(c.context)),
              \(bind: json(c.metadata)), 0, \(bind: c.createdAt.timeIntervalSince1970), \(bind: c.updatedAt.timeIntervalSince1970))
            """).run()
    }

    public func loadConversation(_ id: String, tenant: String) async throws -> ConversationRecord? {
        try await database.raw("SELECT * FROM conversations WHERE id = \(bind: id) AND tenant_id = \(bind: tenant)").first().map(decodeConversation)
    }

    public func commit(_ change: ConversationChange) async throws -> ConversationCommit? {
        var c = change.conversation
        c.version = change.expectedVersion + 1
        let stored = c
        do {
            return try await apply(change, stored)
        } catch is Refused {
            return nil
        }
    }

    private func apply(_ change: ConversationChange, _ stored: ConversationRecord) async throws -> ConversationCommit? {
        try await transaction { db in
            let updated = try await db.raw("""
                UPDATE conversations SET state = \(bind: stored.state.rawValue), is_hil = \(bind: stored.isHIL ? 1 : 0),
                  hil_reason = \(bind: stored.hilReason?.rawValue), assigned_agent_id = \(bind: stored.assignedAgentID),
                  handover_context = \(bind: stored.handover?.json.jsonString), confidence_score = \(bind: stored.confidenceScore),
                  required_skills = \(bind: Self.skills(stored.requiredSkills)), priority = \(bind: stored.priority),
                  pending_since = \(bind: stored.pendingSince?.timeIntervalSince1970), sla_breached = \(bind: stored.slaBreached ? 1 : 0),
                  consecutive_errors = \(bind: stored.consecutiveErrors), ai_note = \(bind: stored.aiNote), active_run_id = \(bind: stored.activeRunID),
                  version = \(bind: stored.version), updated_at = \(bind: stored.updatedAt.timeIntervalSince1970)
                WHERE id = \(bind: stored.id) AND tenant_id = \(bind: stored.tenant) AND version = \(bind: change.expectedVersion)
                RETURNING id
                """).first()
            guard updated != nil else { return nil }
            if let agent = change.assign {
                let taken = try await db.raw("""
                    UPDATE human_agents SET current_load = current_load + 1, last_assigned_at = \(bind: stored.updatedAt.timeIntervalSince1970)
                    WHERE id = \(bind: agent) AND tenant_id = \(bind: stored.tenant) AND status = 'online' AND current_load < max_capacity
                    RETURNING id
                    """).first()
                guard taken != nil else { throw Refused() }
            }
            for agent in change.release {
                try await db.raw("""
                    UPDATE human_agents SET current_load = current_load - 1
                    WHERE id = \(bind: agent) AND tenant_id = \(bind: stored.tenant) AND current_load > 0
                    """).run()
            }
            let messages = try await Self.append(change.messages, to: stored, db)
            let announced = messages.map { ConversationEvent(kind: .message, data: .object(["message": $0.json]), time: $0.createdAt) }
            let events = try await Self.append(change.events + announced, to: stored, db)
            for (agent, event) in change.inbox {
                var event = event
                if let i = event.data["message_index"]?.intValue, messages.indices.contains(i) { event.data = .object(["message": messages[i].json]) }
                try await Self.append(event, inboxOf: agent, tenant: stored.tenant, db)
            }
            return ConversationCommit(conversation: stored, messages: messages, events: events)
        }
    }

    public func loadConversationMessages(_ id: String, tenant: String, after: Int, limit: Int) async throws -> [ConversationMessage] {
        try await database.raw("""
            SELECT * FROM conversation_messages WHERE conversation_id = \(bind: id) AND tenant_id = \(bind: tenant) AND seq > \(bind: after)
            ORDER BY seq LIMIT \(bind: max(limit, 0))
            """).all().map { row in
            ConversationMessage(seq: try row.decode(column: "seq", as: Int.self),
                                role: ConversationMessage.Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .system,
                                text: try row.decode(column: "text", as: String.self),
                                author: try row.decode(column: "author", as: String?.self),
                                runID: try row.decode(column: "run_id", as: String?.self),
                                createdAt: Self.date(try row.decode(column: "created_at", as: Double.self)))
        }
    }

    public func loadConversationEvents(_ id: String, tenant: String, after: Int, limit: Int) async throws -> [ConversationEvent] {
        try await database.raw("""
            SELECT * FROM conversation_events WHERE conversation_id = \(bind: id) AND tenant_id = \(bind: tenant) AND seq > \(bind: after)
            ORDER BY seq LIMIT \(bind: max(limit, 0))
            """).all().compactMap { row in
            guard let kind = ConversationEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return ConversationEvent(seq: try row.decode(column: "seq", as: Int.self), kind: kind,
                                     data: try parseJSON(try row.decode(column: "data", as: String.self), "conversation event") ?? .null,
                                     time: Self.date(try row.decode(column: "created_at", as: Double.self)))
        }
    }

    public func conversations(in state: ConversationState, tenant: String?, limit: Int) async throws -> [ConversationRecord] {
        let scope: SQLQueryString = tenant.map { "AND tenant_id = \(bind: $0)" } ?? ""
        return try await database.raw("""
            SELECT * FROM conversations WHERE state = \(bind: state.rawValue) \(scope) ORDER BY updated_at, id LIMIT \(bind: max(limit, 0))
            """).all().map(decodeConversation)
    }

    public func conversations(assignedTo agent: String, tenant: String) async throws -> [ConversationRecord] {
        try await database.raw("""
            SELECT * FROM conversations WHERE tenant_id = \(bind: tenant) AND assigned_agent_id = \(bind: agent) ORDER BY updated_at, id
            """).all().map(decodeConversation)
    }

    /// An assignment the agent's row refused (offline, or no room): rolls the change back.
    struct Refused: Error {}

    static func skills(_ skills: [String]) -> String { JSONValue.array(skills.map(JSONValue.string)).jsonString }

    func decodeSkills(_ text: String) throws -> [String] {
        try parseJSON(text, "skills")?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    private static func append(_ messages: [ConversationMessage], to c: ConversationRecord, _ db: any SQLDatabase) async throws -> [ConversationMessage] {
        guard !messages.isEmpty else { return [] }
        let last = try await db.raw("SELECT COALESCE(MAX(seq), 0) AS n FROM conversation_messages WHERE conversation_id = \(bind: c.id)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        var numbered: [ConversationMessage] = []
        for (i, m) in messages.enumerated() {
            var m = m
            m.seq = last + i + 1
            try await db.raw("""
                INSERT INTO conversation_messages (conversation_id, seq, tenant_id, role, text, author, run_id, created_at)
                VALUES (\(bind: c.id), \(bind: m.seq), \(bind: c.tenant), \(bind: m.role.rawValue), \(bind: m.text), \(bind: m.author),
                  \(bind: m.runID), \(bind: m.createdAt.timeIntervalSince1970))
                """).run()
            numbered.append(m)
        }
        return numbered
    }

    private static func append(_ events: [ConversationEvent], to c: ConversationRecord, _ db: any SQLDatabase) async throws -> [ConversationEvent] {
        guard !events.isEmpty else { return [] }
        let last = try await db.raw("SELECT COALESCE(MAX(seq), 0) AS n FROM conversation_events WHERE conversation_id = \(bind: c.id)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        var numbered: [ConversationEvent] = []
        for (i, e) in events.enumerated() {
            var e = e
            e.seq = last + i + 1
            try await db.raw("""
                INSERT INTO conversation_events (conversation_id, seq, tenant_id, kind, data, created_at)
                VALUES (\(bind: c.id), \(bind: e.seq), \(bind: c.tenant), \(bind: e.kind.rawValue), \(bind: e.data.jsonString),
                  \(bind: e.time.timeIntervalSince1970))
                """).run()
            numbered.append(e)
        }
        return numbered
    }

    private func decodeConversation(_ row: any SQLRow) throws -> ConversationRecord {
        var c = ConversationRecord(
            id: try row.decode(column: "id", as: String.self), tenant: try row.decode(column: "tenant_id", as: String.self),
            principal: try row.decode(column: "principal", as: String.self), userID: try row.decode(column: "user_id", as: String.self),
            workflow: try row.decode(column: "workflow", as: String.self),
            state: ConversationState(rawValue: try row.decode(column: "state", as: String.self)) ?? .new,
            context: try parseJSON(try row.decode(column: "context", as: String?.self), "conversation context"),
            metadata: try parseJSON(try row.decode(column: "metadata", as: String?.self), "conversation metadata"),
            createdAt: Self.date(try row.decode(column: "created_at", as: Double.self)))
        c.hilReason = try row.decode(column: "hil_reason", as: String?.self).flatMap(HandoverReason.init(rawValue:))
        c.assignedAgentID = try row.decode(column: "assigned_agent_id", as: String?.self)
        c.handover = HandoverContext(json: try parseJSON(try row.decode(column: "handover_context", as: String?.self), "handover context"))
        c.confidenceScore = try row.decode(column: "confidence_score", as: Double?.self)
        c.requiredSkills = try decodeSkills(try row.decode(column: "required_skills", as: String.self))
        c.priority = try row.decode(column: "priority", as: Int.self)
        c.pendingSince = try row.decode(column: "pending_since", as: Double?.self).map(Self.date)
        c.slaBreached = try row.decode(column: "sla_breached", as: Int.self) != 0
        c.consecutiveErrors = try row.decode(column: "consecutive_errors", as: Int.self)
        c.aiNote = try row.decode(column: "ai_note", as: String?.self)
        c.activeRunID = try row.decode(column: "active_run_id", as: String?.self)
        c.version = try row.decode(column: "version", as: Int.self)
        c.updatedAt = Self.date(try row.decode(column: "updated_at", as: Double.self))
        return c
    }
}
