import Foundation

/// Seed 003's conversation state machine as a value type: each input checks that it applies in
/// the current state, changes the conversation, records the events the change produces, and
/// returns what the caller must do next (``Action``). It does no I/O; the orchestrator stores
/// the changed conversation and its events in one conditional write, then performs the actions.
///
/// ```
/// new → ai_processing → finished | handover → pending_human → human_active → resolved | back_to_ai
/// ```
/// A user message on `finished`, `back_to_ai` or `resolved` starts another AI turn (a resolved
/// conversation reopens); `human_active → pending_human` happens when the agent holding it is
/// deleted.
public struct ConversationMachine: Sendable {
    /// What the caller does after a change.
    public enum Action: Sendable, Hashable {
        /// Run the AI workflow on the user's message, with a human agent's note for the AI when there is one.
        case startAIRun(note: String?)
        /// Deliver the user's message to the assigned human agent's inbox.
        case deliverToAgent(String)
        /// Keep the user's message with the queued conversation: no agent has it yet.
        case holdForAgent
        /// Assign the conversation to an agent now if one can take it; otherwise it waits in the queue.
        case enqueue
        /// Tell the agent it has the conversation.
        case notifyAssigned(String)
        /// Tell the agent it no longer has the conversation (it resolved it or gave it back).
        case notifyUnassigned(String)
        /// The agent holds one conversation fewer.
        case release(String)
        /// Capacity was freed: assign queued conversations.
        case drainQueue
    }

    /// The conversation, as changed so far.
    public private(set) var conversation: ConversationRecord
    /// The events the changes produced, in order (not yet numbered).
    public private(set) var events: [ConversationEvent] = []

    /// Starts from a stored conversation.
    public init(_ conversation: ConversationRecord) { self.conversation = conversation }

    /// A user message arrived. An AI turn it starts is the run `runID`. With `explicitRequest`
    /// (the message asks for a person, see ``ExplicitRequestMatcher``) an AI-held conversation
    /// goes straight to the queue.
    public mutating func userMessage(runID: String, explicitRequest: HandoverContext?, priority: Int = 0, now: Date) throws -> [Action] {
        switch conversation.state {
        case .aiProcessing:
            throw ConversationTransitionError(.busy, "the AI is still answering the previous message of conversation \(conversation.id); send this one when it has answered")
        case .handover, .pendingHuman:
            return [.holdForAgent]
        case .humanActive:
            guard let agent = conversation.assignedAgentID else { return [.holdForAgent] }
            return [.deliverToAgent(agent)]
        case .new, .finished, .backToAI, .resolved:
            move(to: .aiProcessing, now: now, reason: conversation.state == .resolved ? "reopened by a user message" : nil)
            if let explicitRequest { return handOver(explicitRequest, priority: priority, now: now) }
            conversation.activeRunID = runID
            return [.startAIRun(note: conversation.aiNote)]
        }
    }

    /// The AI turn ended in a `FINISH` sink and no trigger fired.
    public mutating func aiAnswered(confidence: Double?, now: Date) throws -> [Action] {
        try expect(.aiProcessing, "record an AI answer")
        conversation.confidenceScore = confidence ?? conversation.confidenceScore
        conversation.consecutiveErrors = 0
        conversation.aiNote = nil
        conversation.activeRunID = nil
        move(to: .finished, now: now)
        return []
    }

    /// A handover trigger fired on the AI turn: the conversation goes to the queue.
    public mutating func aiHandedOver(_ context: HandoverContext, priority: Int, now: Date) throws -> [Action] {
        try expect(.aiProcessing, "hand over")
        return handOver(context, priority: priority, now: now)
    }

    /// The AI turn failed. At `errorThreshold` failures in a row the conversation is handed over
    /// with `handover`; below it the conversation rests in `finished` (the user may try again).
    public mutating func aiFailed(errorThreshold: Int?, handover: HandoverContext, now: Date) throws -> [Action] {
        try expect(.aiProcessing, "record a failed AI turn")
        conversation.consecutiveErrors += 1
        if let errorThreshold, conversation.consecutiveErrors >= errorThreshold {
            return handOver(handover, priority: conversation.priority, now: now)
        }
        conversation.activeRunID = nil
        move(to: .finished, now: now, reason: "the AI turn failed")
        return []
    }

    /// A human agent takes the conversation (assigned by the queue, by itself, or by an admin).
    public mutating func assign(_ agent: HumanAgent, now: Date) throws -> [Action] {
        guard conversation.state == .pendingHuman || conversation.state == .handover, conversation.assignedAgentID == nil else {
            let holder = conversation.assignedAgentID.map { " (agent \($0) has it)" } ?? ""
            throw ConversationTransitionError(.invalidTransition, "conversation \(conversation.id) is \(conversation.state.rawValue)\(holder), not waiting for a human agent")
        }
        conversation.assignedAgentID = agent.id
        move(to: .humanActive, now: now)
        record(.assigned, ["agent_id": .string(agent.id), "agent_name": .string(agent.name)], now)
        return [.notifyAssigned(agent.id)]
    }

    /// The agent holding the conversation is gone: it returns to the queue, keeping its age.
    public mutating func unassign(now: Date) throws -> [Action] {
        try expect(.humanActive, "return to the queue")
        let agent = conversation.assignedAgentID
        conversation.assignedAgentID = nil
        move(to: .pendingHuman, now: now, reason: "its human agent was removed")
        guard let agent else { return [.enqueue] }
        record(.unassigned, ["agent_id": .string(agent)], now)
        return [.release(agent), .enqueue]
    }

    /// The assigned agent replies to the user.
    public mutating func reply(by agent: String) throws -> [Action] {
        try expectHolder(agent, "reply")
        return []
    }

    /// The assigned agent closes the conversation.
    public mutating func resolve(by agent: String, note: String?, now: Date) throws -> [Action] {
        try expectHolder(agent, "resolve")
        conversation.assignedAgentID = nil
        move(to: .resolved, now: now)
        record(.resolved, ["agent_id": .string(agent), "note": note.map(JSONValue.string) ?? .null], now)
        return [.release(agent), .notifyUnassigned(agent), .drainQueue]
    }

    /// The assigned agent gives the conversation back to the AI; the next AI run receives `note`.
    public mutating func backToAI(by agent: String, note: String?, now: Date) throws -> [Action] {
        try expectHolder(agent, "send back to the AI")
        conversation.assignedAgentID = nil
        conversation.aiNote = note
        conversation.consecutiveErrors = 0
        move(to: .backToAI, now: now)
        record(.backToAI, ["agent_id": .string(agent), "note": note.map(JSONValue.string) ?? .null], now)
        return [.release(agent), .notifyUnassigned(agent), .drainQueue]
    }

    /// The conversation waited in the queue longer than the SLA (reported once). With
    /// `widenToGeneral` any agent with the `general` skill may take it from now on.
    public mutating func slaBreached(waited: Double, widenToGeneral: Bool, now: Date) throws -> [Action] {
        try expect(.pendingHuman, "report an SLA breach")
        guard !conversation.slaBreached else { return [] }
        conversation.slaBreached = true
        let widen = widenToGeneral && conversation.requiredSkills != ["general"]
        if widen { conversation.requiredSkills = ["general"] }
        conversation.updatedAt = now
        record(.slaBreached, ["waited_seconds": .number(waited.rounded()), "widened_to_general": .bool(widen)], now)
        return widen ? [.enqueue] : []
    }

    // MARK: - Changes

    private mutating func handOver(_ context: HandoverContext, priority: Int, now: Date) -> [Action] {
        conversation.hilReason = context.reason
        conversation.handover = context
        conversation.requiredSkills = context.requiredSkills.isEmpty ? ["general"] : context.requiredSkills
        conversation.confidenceScore = context.confidence ?? conversation.confidenceScore
        conversation.priority = priority
        conversation.pendingSince = now
        conversation.slaBreached = false
        conversation.consecutiveErrors = 0
        conversation.aiNote = nil
        conversation.activeRunID = nil
        move(to: .handover, now: now, reason: context.reason.rawValue)
        record(.handover, ["reason": .string(context.reason.rawValue), "required_skills": .array(conversation.requiredSkills.map(JSONValue.string)),
                           "confidence": context.confidence.map(JSONValue.number) ?? .null], now)
        move(to: .pendingHuman, now: now)
        record(.queued, ["required_skills": .array(conversation.requiredSkills.map(JSONValue.string)), "priority": .number(Double(priority))], now)
        return [.enqueue]
    }

    private mutating func move(to state: ConversationState, now: Date, reason: String? = nil) {
        var data: [String: JSONValue] = ["from": .string(conversation.state.rawValue), "to": .string(state.rawValue)]
        if let reason { data["reason"] = .string(reason) }
        conversation.state = state
        conversation.updatedAt = now
        record(.stateChanged, data, now)
    }

    private mutating func record(_ kind: ConversationEvent.Kind, _ data: [String: JSONValue], _ now: Date) {
        events.append(ConversationEvent(kind: kind, data: .object(data), time: now))
    }

    private func expect(_ state: ConversationState, _ what: String) throws {
        guard conversation.state == state else {
            throw ConversationTransitionError(.invalidTransition, "cannot \(what): conversation \(conversation.id) is \(conversation.state.rawValue), not \(state.rawValue)")
        }
    }

    private func expectHolder(_ agent: String, _ what: String) throws {
        guard conversation.state == .humanActive else {
            throw ConversationTransitionError(.invalidTransition, "cannot \(what): conversation \(conversation.id) is \(conversation.state.rawValue); only a conversation a human agent has (human_active) can")
        }
        guard conversation.assignedAgentID == agent else {
            throw ConversationTransitionError(.notAssigned, "cannot \(what): conversation \(conversation.id) is assigned to another human agent")
        }
    }
}
