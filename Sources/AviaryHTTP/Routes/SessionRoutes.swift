import AviaryCore
import AviaryRuntime
import Foundation
import Hummingbird
import Logging

/// `GET /sessions/{id}`, `GET /sessions/{id}/messages`, `DELETE /sessions/{id}` (right to erasure).
struct SessionRoutes {
    let env: RouteEnvironment

    func register(on router: RouteRecorder) {
        router.get("/sessions/{id}") { _, context in try await env.bounded { try await show(context) } }
        router.get("/sessions/{id}/messages") { request, context in try await env.bounded { try await messages(request, context) } }
        router.delete("/sessions/{id}") { _, context in try await env.bounded { try await delete(context) } }
    }

    func show(_ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let session = try await env.accessibleSession(try context.parameters.require("id"), identity: identity)
        let agents = try await env.deps.sessions.transcriptAgents(sessionID: session.id, tenant: session.tenant)
        return Response.json([
            "sessionId": .string(session.id), "userId": .string(session.userID), "turns": .number(Double(session.turns)),
            "agents": .array(agents.map { .string($0) }), "metadata": session.usage.wire,
            "createdAt": .string(session.createdAt.formatted(RunEvent.timeFormat)),
            "updatedAt": .string(session.updatedAt.formatted(RunEvent.timeFormat)),
        ])
    }

    /// The transcript of the chat agent, or of `?agent=NAME` (each agent keeps its own).
    func messages(_ request: Request, _ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let session = try await env.accessibleSession(try context.parameters.require("id"), identity: identity)
        let agent = request.query("agent") ?? env.config.chatAgent
        let transcript = try await env.deps.sessions.loadTranscript(sessionID: session.id, tenant: session.tenant, agent: agent)
        return Response.json(["sessionId": .string(session.id), "agent": .string(agent), "messages": .array(transcript.map(\.wire))])
    }

    func delete(_ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let session = try await env.accessibleSession(try context.parameters.require("id"), identity: identity)
        guard try await env.deps.sessions.deleteSession(session.id, tenant: session.tenant) else { throw APIError.notFound("session") }
        if let workspace = env.runtime.workspace(forSession: session.id, tenant: session.tenant) {
            try? FileManager.default.removeItem(at: workspace.deletingLastPathComponent())
        }
        context.logger.info("session erased", metadata: ["session_id": .string(session.id)])
        return Response(status: .noContent)
    }
}

extension Message {
    /// A transcript message as the API shows it: `role`, `content` text, and tool calls / results.
    var wire: JSONValue {
        var object: [String: JSONValue] = ["role": .string(role.rawValue), "content": .string(text)]
        let calls = toolCalls
        if !calls.isEmpty {
            object["tool_calls"] = .array(calls.map { ["id": .string($0.id), "name": .string($0.name), "arguments": $0.arguments] })
        }
        let results = toolResults
        if !results.isEmpty {
            object["tool_results"] = .array(results.map {
                ["call_id": .string($0.callID), "name": .string($0.name), "content": .string($0.content), "is_error": .bool($0.isError)]
            })
        }
        return .object(object)
    }
}
