import AviaryCore
import AviaryWorkflows
import Foundation
import OpenAPIRuntime

/// The API's shapes of conversations, messages, human agents and queue items.
extension Components.Schemas.ConversationMessage {
    init(_ m: ConversationMessage) {
        self.init(seq: m.seq, role: .init(rawValue: m.role.rawValue) ?? .system, text: m.text, author: m.author, runId: m.runID,
                  createdAt: m.createdAt)
    }
}

extension Components.Schemas.HandoverContext {
    init(_ h: HandoverContext) throws {
        self.init(summary: h.summary, intent: h.intent, requiredSkills: h.requiredSkills, confidence: h.confidence,
                  reason: .init(rawValue: h.reason.rawValue) ?? .agentDecision, outputs: try OpenAPIObjectContainer.object(h.outputs),
                  runId: h.runID)
    }
}

extension Components.Schemas.Conversation {
    init(_ c: ConversationRecord, messages: [ConversationMessage], agentName: String?) throws {
        self.init(id: c.id, workflow: c.workflow, userId: c.userID, state: .init(rawValue: c.state.rawValue) ?? .new, isHil: c.isHIL,
                  hilReason: c.hilReason.flatMap { .init(rawValue: $0.rawValue) }, assignedAgentId: c.assignedAgentID,
                  assignedAgentName: c.assignedAgentID == nil ? nil : agentName, handoverContext: try c.handover.map(Components.Schemas.HandoverContext.init),
                  confidenceScore: c.confidenceScore, requiredSkills: c.requiredSkills, priority: c.priority,
                  pendingSince: c.state == .pendingHuman ? c.pendingSince : nil, createdAt: c.createdAt, updatedAt: c.updatedAt,
                  messages: messages.map(Components.Schemas.ConversationMessage.init))
    }
}

extension Components.Schemas.HumanAgent {
    init(_ a: HumanAgent) {
        self.init(id: a.id, name: a.name, email: a.email, status: .init(rawValue: a.status.rawValue) ?? .offline, skills: a.skills,
                  maxCapacity: a.maxCapacity, currentLoad: a.currentLoad, principal: a.principal, lastAssignedAt: a.lastAssignedAt,
                  createdAt: a.createdAt)
    }
}

extension Components.Schemas.QueueItem {
    init(_ c: ConversationRecord, now: Date) throws {
        let since = c.pendingSince ?? c.updatedAt
        self.init(conversationId: c.id, workflow: c.workflow, userId: c.userID, priority: c.priority, requiredSkills: c.requiredSkills,
                  hilReason: c.hilReason.flatMap { .init(rawValue: $0.rawValue) }, pendingSince: since,
                  waitingSeconds: max(0, now.timeIntervalSince(since)), slaBreached: c.slaBreached,
                  handoverContext: try c.handover.map(Components.Schemas.HandoverContext.init))
    }
}

extension RouteEnvironment {
    /// A conversation with its transcript and its agent's name, as the API serves it.
    func wire(_ c: ConversationRecord) async throws -> Components.Schemas.Conversation {
        guard let store = deps.conversations else { throw APIError.unavailable("conversations_unavailable", "this server has no conversation store") }
        let messages = try await store.loadConversationMessages(c.id, tenant: c.tenant, after: 0, limit: 100_000)
        var name: String?
        if let id = c.assignedAgentID { name = try await store.loadHumanAgent(id, tenant: c.tenant)?.name }
        return try Components.Schemas.Conversation(c, messages: messages, agentName: name)
    }

    /// A turn as the API serves it.
    func wire(_ turn: ConversationTurn) async throws -> Components.Schemas.ConversationTurn {
        .init(conversation: try await wire(turn.conversation), replies: turn.replies.map(Components.Schemas.ConversationMessage.init),
              handedOver: turn.handedOver)
    }
}
