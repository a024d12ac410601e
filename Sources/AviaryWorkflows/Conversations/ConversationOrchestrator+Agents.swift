import AviaryCore
import Foundation

extension ConversationOrchestrator {
    /// What may change about a human agent (`nil`: unchanged).
    public struct AgentPatch: Sendable {
        /// The new name.
        public var name: String?
        /// The new email.
        public var email: String?
        /// The new skills.
        public var skills: [String]?
        /// The new capacity.
        public var maxCapacity: Int?
        /// The new status.
        public var status: HumanAgent.Status?
        /// The new principal (an empty string unlinks it).
        public var principal: String?

        /// Creates a patch.
        public init(name: String? = nil, email: String? = nil, skills: [String]? = nil, maxCapacity: Int? = nil,
                    status: HumanAgent.Status? = nil, principal: String? = nil) {
            self.name = name
            self.email = email
            self.skills = skills
            self.maxCapacity = maxCapacity
            self.status = status
            self.principal = principal
        }
    }

    /// Adds a human agent; an online one takes from the queue at once.
    public func createAgent(tenant: String, name: String, email: String, skills: [String]? = nil, maxCapacity: Int? = nil,
                            status: HumanAgent.Status? = nil, principal: String? = nil) async throws -> HumanAgent {
        var agent = HumanAgent(id: "hag_" + RandomID.ordered(), tenant: tenant, name: name, email: email, createdAt: clock())
        try apply(AgentPatch(skills: skills ?? ["general"], maxCapacity: maxCapacity ?? 5, status: status ?? .offline, principal: principal),
                  to: &agent)
        try validate(agent)
        try await checkPrincipal(agent)
        do { try await store.createHumanAgent(agent) } catch let taken as HumanAgentEmailTaken {
            throw ConversationError.emailTaken(taken.email.lowercased())
        }
        if agent.status == .online { try await drain(tenant: tenant) }
        return try await humanAgent(agent.id, tenant: tenant)
    }

    /// A tenant's human agent.
    public func humanAgent(_ id: String, tenant: String) async throws -> HumanAgent {
        guard let agent = try await store.loadHumanAgent(id, tenant: tenant) else { throw ConversationError.unknownAgent(id) }
        return agent
    }

    /// Changes a human agent. Going online or gaining capacity or skills drains the queue onto it;
    /// going away or offline keeps the conversations it has.
    public func updateAgent(_ id: String, tenant: String, _ patch: AgentPatch) async throws -> HumanAgent {
        var agent = try await humanAgent(id, tenant: tenant)
        try apply(patch, to: &agent)
        try validate(agent)
        try await checkPrincipal(agent)
        do {
            guard try await store.updateHumanAgent(agent) else { throw ConversationError.unknownAgent(id) }
        } catch let taken as HumanAgentEmailTaken {
            throw ConversationError.emailTaken(taken.email.lowercased())
        }
        if agent.status == .online { try await drain(tenant: tenant) }
        return try await humanAgent(id, tenant: tenant)
    }

    /// Deletes a human agent. The conversations it holds go back to the queue (keeping their age)
    /// and are assigned to whoever can take them. Returns their ids.
    public func deleteAgent(_ id: String, tenant: String) async throws -> [String] {
        _ = try await humanAgent(id, tenant: tenant)
        var requeued: [String] = []
        for _ in 0..<20 {
            // stop new assignments first, then return what it holds
            guard var agent = try await store.loadHumanAgent(id, tenant: tenant) else { return requeued } // deleted meanwhile
            if agent.status == .online {
                agent.status = .offline
                _ = try await store.updateHumanAgent(agent)
            }
            for c in try await store.conversations(assignedTo: id, tenant: tenant) {
                do {
                    try await change(c.id, tenant: tenant) { m, _ in
                        guard m.conversation.assignedAgentID == id else { throw Skip() }
                        return try m.unassign(now: clock())
                    }
                    requeued.append(c.id)
                } catch is Skip { continue }
            }
            if try await store.deleteHumanAgent(id, tenant: tenant) {
                for c in requeued { _ = try await assignNext(c, tenant: tenant) }
                return requeued
            }
        }
        throw ConversationError.invalidInput("human agent \(id) keeps receiving conversations; set it offline and try again")
    }

    /// The human agent a caller acts as: `requested` for admins (and for anyone naming their own
    /// agent), else the agent linked to the caller's principal.
    public func actingAgent(principal: String, isAdmin: Bool, requested: String?, tenant: String) async throws -> HumanAgent {
        let agents = try await store.humanAgents(tenant: tenant)
        if let requested {
            guard let agent = agents.first(where: { $0.id == requested }) else { throw ConversationError.unknownAgent(requested) }
            if isAdmin || agent.principal == principal { return agent }
            throw ConversationError.transition(ConversationTransitionError(.notAssigned, "principal \(principal) may not act as human agent \(requested)"))
        }
        guard let own = agents.first(where: { $0.principal == principal }) else { throw ConversationError.noAgentForCaller(principal) }
        return own
    }

    private func checkPrincipal(_ agent: HumanAgent) async throws {
        guard let principal = agent.principal else { return }
        if try await store.humanAgents(tenant: agent.tenant).contains(where: { $0.id != agent.id && $0.principal == principal }) {
            throw ConversationError.principalTaken(principal)
        }
    }

    private func apply(_ patch: AgentPatch, to agent: inout HumanAgent) throws {
        if let name = patch.name { agent.name = name.trimmingCharacters(in: .whitespaces) }
        if let email = patch.email { agent.email = email.trimmingCharacters(in: .whitespaces).lowercased() }
        if let skills = patch.skills { agent.skills = Array(Set(skills.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })).sorted() }
        if let capacity = patch.maxCapacity { agent.maxCapacity = capacity }
        if let status = patch.status { agent.status = status }
        if let principal = patch.principal { agent.principal = principal.isEmpty ? nil : principal }
    }

    private func validate(_ agent: HumanAgent) throws {
        if agent.name.isEmpty || agent.name.count > 200 { throw ConversationError.invalidInput("name: expected 1 to 200 characters") }
        let email = agent.email
        guard email.count <= 320, let at = email.firstIndex(of: "@"), at > email.startIndex, email[email.index(after: at)...].contains("."),
              !email.contains(" ") else {
            throw ConversationError.invalidInput("email: '\(email)' is not an email address")
        }
        guard (1...100).contains(agent.maxCapacity) else { throw ConversationError.invalidInput("max_capacity: expected a whole number from 1 to 100") }
        guard !agent.skills.isEmpty, agent.skills.count <= 50 else { throw ConversationError.invalidInput("skills: expected 1 to 50 skills") }
        if let bad = agent.skills.first(where: { !Self.isSkill($0) }) {
            throw ConversationError.invalidInput("skills: '\(bad)' is not a skill name (letters, digits, '_' and '-', up to 64)")
        }
    }

    /// True for a skill name: letters, digits, `_` and `-`, up to 64 characters.
    public static func isSkill(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
