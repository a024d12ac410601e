import AviaryCore
import AviaryWorkflows
import Foundation

extension AviaryApplication {
    /// Runs `body` with the project's conversation orchestrator (`aviary hil …`): the command line
    /// acts as an admin of the project's database, in ``AviaryConfiguration/tenant``.
    public static func withConversations<T: Sendable>(_ configuration: AviaryConfiguration, options: Options = Options(),
                                                      _ body: @Sendable (ConversationOrchestrator) async throws -> T) async throws -> T {
        try await with(configuration, options: options) { app in
            try await body(ConversationOrchestrator(store: app.store, runtime: app.runtime))
        }
    }
}

extension ConversationOrchestrator {
    /// A human agent named by its id or its email.
    public func humanAgent(named reference: String, tenant: String) async throws -> HumanAgent {
        let agents = try await store.humanAgents(tenant: tenant)
        if let agent = agents.first(where: { $0.id == reference || $0.email == reference.lowercased() }) { return agent }
        throw ConversationError.unknownAgent(reference)
    }
}

extension HumanAgent {
    /// One line for `aviary hil agents list`.
    public var consoleLine: String {
        "\(id)  \(name) <\(email)>  \(status.rawValue)  load \(currentLoad)/\(maxCapacity)  skills \(skills.joined(separator: ","))"
            + (principal.map { "  principal \($0)" } ?? "")
    }

    /// The agent as JSON (the HTTP API's HumanAgent fields).
    public var json: JSONValue {
        .object(["id": .string(id), "name": .string(name), "email": .string(email), "status": .string(status.rawValue),
                 "skills": .array(skills.map(JSONValue.string)), "max_capacity": .number(Double(maxCapacity)),
                 "current_load": .number(Double(currentLoad)), "principal": principal.map(JSONValue.string) ?? .null,
                 "last_assigned_at": lastAssignedAt.map { .string(RunEvent.timeFormat.format($0)) } ?? .null,
                 "created_at": .string(RunEvent.timeFormat.format(createdAt))])
    }
}

extension ConversationRecord {
    /// One line for `aviary hil queue` and after a change: id, state, who has it, what it needs.
    public func consoleLine(now: Date = Date()) -> String {
        var parts = [id, state.rawValue, "workflow \(workflow)", "user \(userID)"]
        if let agent = assignedAgentID { parts.append("agent \(agent)") }
        if state == .pendingHuman {
            parts.append("needs \(requiredSkills.joined(separator: ","))")
            parts.append("priority \(priority)")
            if let since = pendingSince { parts.append("waiting \(Int(now.timeIntervalSince(since)))s\(slaBreached ? " (SLA breached)" : "")") }
        }
        if let reason = hilReason { parts.append("reason \(reason.rawValue)") }
        return parts.joined(separator: "  ")
    }

    /// The conversation's state as JSON (the HTTP API's Conversation fields, without messages).
    public var json: JSONValue {
        .object(["id": .string(id), "workflow": .string(workflow), "user_id": .string(userID), "state": .string(state.rawValue),
                 "is_hil": .bool(isHIL), "hil_reason": hilReason.map { .string($0.rawValue) } ?? .null,
                 "assigned_agent_id": assignedAgentID.map(JSONValue.string) ?? .null, "handover_context": handover?.json ?? .null,
                 "confidence_score": confidenceScore.map(JSONValue.number) ?? .null, "required_skills": .array(requiredSkills.map(JSONValue.string)),
                 "priority": .number(Double(priority)), "sla_breached": .bool(slaBreached),
                 "pending_since": pendingSince.map { .string(RunEvent.timeFormat.format($0)) } ?? .null,
                 "created_at": .string(RunEvent.timeFormat.format(createdAt)), "updated_at": .string(RunEvent.timeFormat.format(updatedAt))])
    }
}
