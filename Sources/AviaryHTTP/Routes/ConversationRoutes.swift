import AviaryCore
import AviaryWorkflows
import Foundation
import OpenAPIRuntime

/// `/api/v1/conversations`: a user's conversation with a HIL workflow — start it, send messages
/// (answered by the AI, or delivered to the human agent who has it), read it, follow its events.
extension SpecRoutes {
    func createConversation(_ input: Operations.CreateConversation.Input) async throws -> Operations.CreateConversation.Output {
        let identity = try RequestIdentity.require()
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_body", "expected a JSON body with workflow") }
        let userID = body.userId ?? identity.subject
        if identity.role == .user && userID != identity.subject && userID != identity.principal {
            throw APIError.forbidden("a user may only start a conversation as itself (user_id must be '\(identity.subject)')")
        }
        let orchestrator = try env.conversations()
        let context = try body.context.map(JSONValue.init(container:))
        let metadata = try body.metadata.map(JSONValue.init(container:))
        let started = try await env.conversationCall {
            try await orchestrator.start(workflow: body.workflow, tenant: identity.tenant, principal: identity.principal,
                                         userID: userID, context: context, metadata: metadata)
        }
        var turn = ConversationTurn(conversation: started, replies: [], handedOver: false)
        if let message = body.message {
            turn = try await env.conversationCall { try await orchestrator.post(message, to: started.id, tenant: identity.tenant) }
        }
        return .created(.init(body: .json(try await env.wire(turn))))
    }

    func getConversation(_ input: Operations.GetConversation.Input) async throws -> Operations.GetConversation.Output {
        let identity = try RequestIdentity.require()
        let c = try await env.accessibleConversation(input.path.id, identity: identity, readOnly: true)
        return .ok(.init(body: .json(try await env.wire(c))))
    }

    func postConversationMessage(_ input: Operations.PostConversationMessage.Input) async throws -> Operations.PostConversationMessage.Output {
        let identity = try RequestIdentity.require()
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_body", "expected a JSON body with text") }
        let c = try await env.accessibleConversation(input.path.id, identity: identity)
        let orchestrator = try env.conversations()
        let turn = try await env.conversationCall { try await orchestrator.post(body.text, to: c.id, tenant: identity.tenant) }
        return .ok(.init(body: .json(try await env.wire(turn))))
    }

    func conversationEvents(_ input: Operations.ConversationEvents.Input) async throws -> Operations.ConversationEvents.Output {
        let identity = try RequestIdentity.require()
        let c = try await env.accessibleConversation(input.path.id, identity: identity, readOnly: true)
        guard let store = env.deps.conversations else { throw APIError.unavailable("conversations_unavailable", "this server has no conversation store") }
        let after = try Self.cursor(lastEventID: input.headers.lastEventID, after: input.query.after)
        let id = c.id, tenant = c.tenant
        let streamer = ChangeFeedStreamer(key: ChangeSignals.conversation(id, tenant: tenant), signals: env.deps.signals,
                                          follow: input.query.follow ?? true, poll: env.config.eventPollInterval,
                                          heartbeat: env.config.heartbeatInterval, lifetime: env.config.streams.maxLifetime) { after in
            try await store.loadConversationEvents(id, tenant: tenant, after: after, limit: 200).map { e in
                (e.seq, e.kind.rawValue, .object(["seq": .number(Double(e.seq)), "kind": .string(e.kind.rawValue), "conversation_id": .string(id),
                                                  "time": .string(RunEvent.timeFormat.format(e.time)), "data": e.data]))
            }
        }
        let ticket = try env.streams.admit(key: "principal:\(identity.tenant)/\(identity.principal)", tenant: identity.tenant)
        return .ok(.init(body: .textEventStream(streamer.body(after: after, ticket: ticket))))
    }

    /// The stream position a client asks for: `Last-Event-ID`, else `after`, else the start.
    static func cursor(lastEventID: String?, after: Int?) throws -> Int {
        if let lastEventID {
            guard let n = Int(lastEventID.trimmingCharacters(in: .whitespaces)), n >= 0 else {
                throw APIError.badRequest("invalid_last_event_id", "Last-Event-ID must be an event sequence number")
            }
            return n
        }
        return max(0, after ?? 0)
    }
}
