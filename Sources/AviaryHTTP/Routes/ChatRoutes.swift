import AviaryCore
import AviaryRuntime
import Hummingbird
import Logging

/// `POST /chat`: seed 000's contract. `{userId, question, sessionId?}` →
/// `{sessionId, response, metadata{input_tokens, output_tokens, total_tokens, cost_usd}}`.
/// An unknown or foreign `sessionId` starts a new session.
struct ChatRoutes {
    let env: RouteEnvironment

    func register(on router: RouteRecorder) {
        router.post("/chat") { request, context in try await chat(request, context) }
    }

    func chat(_ request: Request, _ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let body = try await request.jsonObject(limit: env.config.maxBodyBytes)
        let question = try body.requiredString("question")
        let userID = try body.string("userId") ?? identity.subject
        if identity.role == .user && userID != identity.subject && userID != identity.principal {
            throw APIError.forbidden("a user may only chat as itself (userId must be '\(identity.subject)')")
        }
        if let workflow = env.config.chatWorkflow {
            return try await conversationChat(workflow, question: question, userID: userID, sessionID: try body.string("sessionId"), identity: identity)
        }
        var sessionID: String?
        if let requested = try body.string("sessionId"), !requested.isEmpty,
           let session = try await env.deps.sessions.loadSession(requested, tenant: identity.tenant),
           identity.mayAccess(tenant: session.tenant, owner: session.principal) {
            sessionID = session.id
        }
        let agent = try env.runnableAgent(env.config.chatAgent, identity: identity)
        let runID = RunID.random()
        let chat = ChatRequest(userID: userID, question: question, sessionID: sessionID, agent: agent.name,
                               tenant: identity.tenant, principal: identity.principal, runID: runID)
        var logger = context.logger
        logger[metadataKey: "run_id"] = .string(runID.rawValue)
        context.facts.run(runID.rawValue)
        let runtime = env.runtime
        let result = try await env.gateway.execute(tenant: identity.tenant, runID: runID) { try await runtime.chat(chat) }
        logger.info("chat turn", metadata: ["status": .string(result.run.status.rawValue), "session_id": .string(result.session.id)])
        if result.run.status == .waiting {
            let pending = try await runtime.pendingApprovals(tenant: identity.tenant, runID: result.run.id)
            return Response.json([
                "sessionId": .string(result.session.id),
                "runId": .string(result.run.id.rawValue),
                "status": "waiting",
                "response": .string(PendingApproval.waitingSentence(pending)),
                "approvals": .array(pending.map(\.wireJSON)),
                "metadata": result.run.usage.wire,
            ], status: .accepted)
        }
        try Self.requireCompleted(result.run)
        return Response.json([
            "sessionId": .string(result.session.id),
            "response": .string(result.response),
            "runId": .string(result.run.id.rawValue),
            "metadata": result.run.usage.wire,
        ])
    }

    /// Maps a run that did not complete to the error the caller sees.
    static func requireCompleted(_ run: RunRecord) throws {
        switch run.status {
        case .completed: return
        case .interrupted:
            throw APIError.unavailable("shutting_down", "the server is shutting down; run \(run.id) stopped at a step boundary and can be resumed")
        case .needsAttention:
            throw APIError(.conflict, code: "needs_attention", "run \(run.id) needs a human decision: \(run.error ?? "")")
        case .cancelled:
            throw APIError(.conflict, code: "cancelled", "run \(run.id) was cancelled")
        default:
            throw APIError(.badGateway, code: "run_failed", "run \(run.id) failed: \(run.error ?? "unknown error")")
        }
    }
}
