import AviaryCore
import AviaryWorkflows
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// `/api/v1/hil/…`, for operators and admins: the queue, human agents, and what an agent does
/// with a conversation (take or assign, reply, resolve, give back to the AI). An operator acts as
/// the human agent linked to its principal; an admin may name any agent (`agent_id`).
extension SpecRoutes {
    func getHILQueue(_ input: Operations.GetHILQueue.Input) async throws -> Operations.GetHILQueue.Output {
        let identity = try env.requireOperator()
        let limit = input.query.limit ?? 100
        guard (1...500).contains(limit) else { throw APIError.badRequest("invalid_input", "limit: expected 1 to 500") }
        let queued = try await env.conversations().queue(tenant: identity.tenant, skill: input.query.skill, limit: limit)
        let now = Date()
        return .ok(.init(body: .json(.init(items: try queued.map { try Components.Schemas.QueueItem($0, now: now) }))))
    }

    func listHumanAgents(_ input: Operations.ListHumanAgents.Input) async throws -> Operations.ListHumanAgents.Output {
        let identity = try env.requireOperator()
        let agents = try await env.conversations().store.humanAgents(tenant: identity.tenant)
        return .ok(.init(body: .json(.init(agents: agents.map(Components.Schemas.HumanAgent.init)))))
    }

    func createHumanAgent(_ input: Operations.CreateHumanAgent.Input) async throws -> Operations.CreateHumanAgent.Output {
        let identity = try RequestIdentity.requireAdmin("managing human agents")
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_body", "expected a JSON body with name and email") }
        let orchestrator = try env.conversations()
        let agent = try await env.conversationCall {
            try await orchestrator.createAgent(tenant: identity.tenant, name: body.name, email: body.email, skills: body.skills,
                                               maxCapacity: body.maxCapacity, status: body.status.flatMap { HumanAgent.Status(rawValue: $0.rawValue) },
                                               principal: body.principal)
        }
        return .created(.init(body: .json(.init(agent))))
    }

    func getHumanAgent(_ input: Operations.GetHumanAgent.Input) async throws -> Operations.GetHumanAgent.Output {
        let identity = try env.requireOperator()
        let orchestrator = try env.conversations()
        let agent = try await env.conversationCall { try await orchestrator.humanAgent(input.path.id, tenant: identity.tenant) }
        return .ok(.init(body: .json(.init(agent))))
    }

    func updateHumanAgent(_ input: Operations.UpdateHumanAgent.Input) async throws -> Operations.UpdateHumanAgent.Output {
        let identity = try RequestIdentity.requireAdmin("managing human agents")
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_body", "expected a JSON body") }
        let orchestrator = try env.conversations()
        let patch = ConversationOrchestrator.AgentPatch(name: body.name, email: body.email, skills: body.skills, maxCapacity: body.maxCapacity,
                                                        principal: body.principal)
        let agent = try await env.conversationCall { try await orchestrator.updateAgent(input.path.id, tenant: identity.tenant, patch) }
        return .ok(.init(body: .json(.init(agent))))
    }

    func deleteHumanAgent(_ input: Operations.DeleteHumanAgent.Input) async throws -> Operations.DeleteHumanAgent.Output {
        let identity = try RequestIdentity.requireAdmin("managing human agents")
        let orchestrator = try env.conversations()
        let requeued = try await env.conversationCall { try await orchestrator.deleteAgent(input.path.id, tenant: identity.tenant) }
        return .ok(.init(body: .json(.init(deleted: true, requeued: requeued))))
    }

    /// Operators set their own agent's status; admins set anyone's.
    func setHumanAgentStatus(_ input: Operations.SetHumanAgentStatus.Input) async throws -> Operations.SetHumanAgentStatus.Output {
        let identity = try env.requireOperator()
        guard case .json(let body) = input.body, let status = HumanAgent.Status(rawValue: body.status.rawValue) else {
            throw APIError.badRequest("invalid_body", "expected a JSON body with status: online, away or offline")
        }
        let agent = try await asAgent(identity, requested: input.path.id) { orchestrator, agent -> HumanAgent in
            try await orchestrator.updateAgent(agent, tenant: identity.tenant, .init(status: status))
        }
        return .ok(.init(body: .json(.init(agent))))
    }

    func assignConversation(_ input: Operations.AssignConversation.Input) async throws -> Operations.AssignConversation.Output {
        let identity = try env.requireOperator()
        let requested: String? = switch input.body { case .json(let body): body.agentId; case nil: nil }
        let assigned = try await asAgent(identity, requested: requested) { orchestrator, agent -> ConversationRecord? in
            try await orchestrator.assignNext(input.path.id, tenant: identity.tenant, to: agent)
        }
        guard let assigned else { throw APIError(.conflict, code: "agent_unavailable", "the conversation could not be assigned; try again") }
        return .ok(.init(body: .json(try await env.wire(assigned))))
    }

    func replyToConversation(_ input: Operations.ReplyToConversation.Input) async throws -> Operations.ReplyToConversation.Output {
        let identity = try env.requireOperator()
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_body", "expected a JSON body with text") }
        let c = try await asAgent(identity, requested: body.agentId) { orchestrator, agent -> ConversationRecord in
            try await orchestrator.reply(body.text, to: input.path.id, tenant: identity.tenant, agent: agent)
        }
        return .ok(.init(body: .json(try await env.wire(c))))
    }

    func resolveConversation(_ input: Operations.ResolveConversation.Input) async throws -> Operations.ResolveConversation.Output {
        let identity = try env.requireOperator()
        let body: Components.Schemas.ResolveConversationRequest? = switch input.body { case .json(let body): body; case nil: nil }
        let c = try await asAgent(identity, requested: body?.agentId) { orchestrator, agent -> ConversationRecord in
            try await orchestrator.resolve(input.path.id, tenant: identity.tenant, agent: agent, note: body?.note)
        }
        return .ok(.init(body: .json(try await env.wire(c))))
    }

    func sendConversationBackToAI(_ input: Operations.SendConversationBackToAI.Input) async throws -> Operations.SendConversationBackToAI.Output {
        let identity = try env.requireOperator()
        let body: Components.Schemas.BackToAIRequest? = switch input.body { case .json(let body): body; case nil: nil }
        let c = try await asAgent(identity, requested: body?.agentId) { orchestrator, agent -> ConversationRecord in
            try await orchestrator.backToAI(input.path.id, tenant: identity.tenant, agent: agent, note: body?.note)
        }
        return .ok(.init(body: .json(try await env.wire(c))))
    }

    func inboxEvents(_ input: Operations.InboxEvents.Input) async throws -> Operations.InboxEvents.Output {
        let identity = try env.requireOperator()
        let orchestrator = try env.conversations()
        let agent = try await env.conversationCall {
            try await orchestrator.actingAgent(principal: identity.principal, isAdmin: identity.role == .admin,
                                               requested: input.query.agentId, tenant: identity.tenant)
        }
        let after = try Self.cursor(lastEventID: input.headers.lastEventID, after: input.query.after)
        let store = orchestrator.store, env = self.env, tenant = identity.tenant, agentID = agent.id
        let streamer = ChangeFeedStreamer(key: ChangeSignals.inbox(agentID, tenant: tenant), signals: env.deps.signals,
                                          follow: input.query.follow ?? true, poll: env.config.eventPollInterval,
                                          heartbeat: env.config.heartbeatInterval, lifetime: env.config.streams.maxLifetime) { after in
            var frames: [ChangeFeedStreamer.Frame] = []
            for e in try await store.loadInboxEvents(agent: agentID, tenant: tenant, after: after, limit: 200) {
                var data = e.data
                if e.kind == .assigned, let c = try await store.loadConversation(e.conversationID, tenant: tenant) {
                    let wire = try await env.wire(c)
                    data = .object(["conversation": try JSONValue(parsing: JSONEncoder.api.encode(wire))])
                }
                frames.append((e.seq, e.kind.rawValue, .object(["seq": .number(Double(e.seq)), "kind": .string(e.kind.rawValue),
                                                                "agent_id": .string(agentID), "conversation_id": .string(e.conversationID),
                                                                "time": .string(RunEvent.timeFormat.format(e.time)), "data": data])))
            }
            return frames
        }
        let ticket = try env.streams.admit(key: "principal:\(identity.tenant)/\(identity.principal)", tenant: identity.tenant)
        return .ok(.init(body: .textEventStream(streamer.body(after: after, ticket: ticket))))
    }
}

extension SpecRoutes {
    /// Runs `body` as the human agent the caller acts as (its own, or `requested` for an admin),
    /// turning the conversation layer's refusals into API errors.
    func asAgent<T: Sendable>(_ identity: Identity, requested: String?,
                              _ body: @Sendable (ConversationOrchestrator, String) async throws -> T) async throws -> T {
        let orchestrator = try env.conversations()
        return try await env.conversationCall {
            let acting = try await orchestrator.actingAgent(principal: identity.principal, isAdmin: identity.role == .admin,
                                                            requested: requested, tenant: identity.tenant)
            return try await body(orchestrator, acting.id)
        }
    }
}

extension JSONEncoder {
    /// Encodes generated API types like the generated handlers do: times in RFC 3339 with milliseconds.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RunEvent.timeFormat.format(date))
        }
        return encoder
    }
}
