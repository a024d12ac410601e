import AviaryCore
import Foundation

extension ConversationOrchestrator {
    /// Gives a waiting conversation to an agent: `agent` (refused with why when it cannot take
    /// it), or the online agent with the skills and the lowest load. `nil`: nobody can take it
    /// now, and it stays in the queue.
    @discardableResult
    public func assignNext(_ id: String, tenant: String, to agent: String? = nil) async throws -> ConversationRecord? {
        for _ in 0..<50 {
            let c = try await conversation(id, tenant: tenant)
            guard c.state == .pendingHuman, c.assignedAgentID == nil else {
                if agent == nil { return nil }
                throw ConversationError.transition(ConversationTransitionError(.invalidTransition, c.assignedAgentID == nil
                    ? "conversation \(id) is \(c.state.rawValue), not waiting for a human agent"
                    : "conversation \(id) is assigned to agent \(c.assignedAgentID!) already"))
            }
            let agents = try await store.humanAgents(tenant: tenant)
            let chosen: HumanAgent
            if let agent {
                guard let named = agents.first(where: { $0.id == agent }) else { throw ConversationError.unknownAgent(agent) }
                if let why = named.refusal(for: c.requiredSkills) { throw ConversationError.agentUnavailable("cannot assign conversation \(id): \(why)") }
                chosen = named
            } else {
                guard let picked = HumanAgentPicker.pick(from: agents, skills: c.requiredSkills) else { return nil }
                chosen = picked
            }
            do {
                let (commit, _) = try await change(id, tenant: tenant, assigning: true) { m, _ in
                    guard m.conversation.version == c.version else { throw Skip() }
                    return try m.assign(chosen, now: clock())
                }
                return commit.conversation
            } catch is AssignmentLost {
                continue // the agent filled up or went away meanwhile: choose again
            } catch is Skip {
                continue
            }
        }
        return nil
    }

    /// Assigns queued conversations of a tenant, by priority and age, while agents can take them.
    public func drain(tenant: String) async throws {
        let queued = try await store.conversations(in: .pendingHuman, tenant: tenant, limit: 1_000)
            .filter { $0.assignedAgentID == nil }.sorted(by: HumanAgentPicker.queueOrder)
        for c in queued {
            let agents = try await store.humanAgents(tenant: tenant)
            if !agents.contains(where: { $0.status == .online && $0.currentLoad < $0.maxCapacity }) { return }
            _ = try await assignNext(c.id, tenant: tenant)
        }
    }

    /// The tenant's queue: conversations waiting for a person, highest priority first, then oldest.
    public func queue(tenant: String, skill: String? = nil, limit: Int = 100) async throws -> [ConversationRecord] {
        let all = try await store.conversations(in: .pendingHuman, tenant: tenant, limit: 10_000)
        return Array(all.filter { $0.assignedAgentID == nil && (skill.map($0.requiredSkills.contains) ?? true) }
            .sorted(by: HumanAgentPicker.queueOrder).prefix(max(0, limit)))
    }

    /// The agent replies to the user.
    public func reply(_ text: String, to id: String, tenant: String, agent: String) async throws -> ConversationRecord {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ConversationError.invalidInput("text: the reply is empty") }
        guard text.count <= Self.maxMessageLength else { throw ConversationError.invalidInput("text: at most \(Self.maxMessageLength) characters") }
        let now = clock()
        let (commit, _) = try await change(id, tenant: tenant) { m, extra in
            let actions = try m.reply(by: agent)
            extra.messages.append(ConversationMessage(role: .human, text: text, author: agent, createdAt: now))
            return actions
        }
        return commit.conversation
    }

    /// The agent resolves the conversation; its capacity goes to the queue.
    public func resolve(_ id: String, tenant: String, agent: String, note: String?) async throws -> ConversationRecord {
        let now = clock()
        let (commit, actions) = try await change(id, tenant: tenant) { m, extra in
            let actions = try m.resolve(by: agent, note: note, now: now)
            extra.messages.append(ConversationMessage(role: .system, text: "This conversation was resolved.", author: agent, createdAt: now))
            return actions
        }
        try await perform(actions, commit.conversation)
        return commit.conversation
    }

    /// The agent gives the conversation back to the AI; the next AI run receives `note`.
    public func backToAI(_ id: String, tenant: String, agent: String, note: String?) async throws -> ConversationRecord {
        let now = clock()
        let (commit, actions) = try await change(id, tenant: tenant) { m, extra in
            let actions = try m.backToAI(by: agent, note: note, now: now)
            extra.messages.append(ConversationMessage(role: .system, text: "Handed back to the assistant.", author: agent, createdAt: now))
            return actions
        }
        try await perform(actions, commit.conversation)
        return commit.conversation
    }

    /// Reports conversations waiting longer than their workflow's SLA (`hil.sla_breached`,
    /// widening their skills to `general` when configured) and assigns what agents can take:
    /// the periodic pass of ``HILService``-style callers, driven by their clock.
    public func maintain(now: Date) async throws {
        let pending = try await store.conversations(in: .pendingHuman, tenant: nil, limit: 5_000)
        var tenants = Set<String>()
        for c in pending where c.assignedAgentID == nil {
            tenants.insert(c.tenant)
            guard !c.slaBreached, let sla = (try? definition(c.workflow))?.hil?.sla, let since = c.pendingSince,
                  now.timeIntervalSince(since) >= sla.pendingSeconds else { continue }
            do {
                try await change(c.id, tenant: c.tenant) { m, _ in
                    try m.slaBreached(waited: now.timeIntervalSince(since), widenToGeneral: sla.widenToGeneral, now: now)
                }
            } catch ConversationError.transition { continue }
        }
        for tenant in tenants.sorted() { try await drain(tenant: tenant) }
    }
}
