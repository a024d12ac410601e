import AviaryCore
import AviaryRuntime
import AviaryWorkflows
import HTTPTypes

extension RouteEnvironment {
    /// The conversation orchestrator of this server: AI turns run in the supervisor through the
    /// run gateway (the tenant's run slots apply) and wait up to the run timeout; a turn that
    /// takes longer goes on, and its answer arrives on the conversation's event stream.
    func conversations() throws(APIError) -> ConversationOrchestrator {
        guard let store = deps.conversations else {
            throw APIError.unavailable("conversations_unavailable", "this server has no conversation store")
        }
        let gateway = self.gateway, runtime = self.runtime, timeout = config.runTimeout
        return ConversationOrchestrator(store: store, runtime: runtime, signals: deps.signals, runner: { request in
            let ticket = try gateway.submit(tenant: request.tenant) { try await runtime.run(request) }
            guard let finished = try await ticket.value(timeout: timeout) else {
                throw APIError.timeout("the AI turn did not finish within \(timeout); it continues and its answer arrives as an event")
            }
            return finished
        })
    }

    /// Runs `body`, turning the conversation layer's refusals into API errors.
    func conversationCall<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as ConversationError { throw APIError(conversation: error) }
    }

    /// A conversation the caller may see: its owner, an admin, or an operator of the tenant.
    func accessibleConversation(_ id: String, identity: Identity, readOnly: Bool = false) async throws -> ConversationRecord {
        let orchestrator = try conversations()
        let c = try await conversationCall { try await orchestrator.conversation(id, tenant: identity.tenant) }
        if identity.mayAccess(tenant: c.tenant, owner: c.principal) || (readOnly && identity.role == .operator) { return c }
        throw APIError.forbidden("conversation \(id) belongs to another principal")
    }

    /// The caller, who must be an operator or an admin.
    func requireOperator() throws(APIError) -> Identity {
        let identity = try RequestIdentity.require()
        guard identity.role == .operator || identity.role == .admin else {
            throw APIError.forbidden("the human-in-the-loop endpoints are for operators and admins")
        }
        return identity
    }
}

extension APIError {
    /// The API's answer to a refusal of the conversation layer.
    init(conversation error: ConversationError) {
        let status: HTTPResponse.Status
        switch error {
        case .unknownConversation, .unknownAgent, .unknownWorkflow: status = .notFound
        case .notConversational, .invalidInput: status = .badRequest
        case .noAgentForCaller: status = .forbidden
        case .agentUnavailable, .emailTaken, .principalTaken: status = .conflict
        case .transition(let e): status = e.code == .notAssigned ? .forbidden : .conflict
        }
        self.init(status, code: error.code, error.description)
    }
}
