import AviaryCore
import AviaryRuntime
import Foundation
import Hummingbird
import Logging

/// The OpenAI-compatible facade: `GET /v1/models` lists the agents a key may use and
/// `POST /v1/chat/completions` runs the agent named by `model` — non-streaming, or streaming
/// (`stream: true`) with the official chunk format and `[DONE]`. Official OpenAI clients and
/// chat UIs work against it unchanged (base URL `http://host:port/v1`, the API key as key).
struct OpenAIRoutes {
    let env: RouteEnvironment

    func register(on router: RouteRecorder) {
        router.get("/v1/models") { _, context in try models(context) }
        router.post("/v1/chat/completions") { request, context in try await completions(request, context) }
    }

    func models(_ context: AviaryRequestContext) throws -> Response {
        let identity = try context.requireIdentity()
        let agents = env.runtime.catalog.all.filter { $0.status == .published || identity.role.isBuilder }
        return Response.json(["object": "list", "data": .array(agents.map {
            ["id": .string($0.name), "object": "model", "created": 0, "owned_by": "aviary", "description": .string($0.description)]
        })])
    }

    func completions(_ request: Request, _ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let chat = try OpenAIChatRequest(try await request.jsonObject(limit: env.config.maxBodyBytes))
        let agent = try env.runnableAgent(chat.agent, identity: identity)
        let runID = RunID.random()
        var input: [String: JSONValue] = ["question": .string(chat.question)]
        if !chat.history.isEmpty { input["history"] = .array(chat.history.map(\.json)) }
        let runRequest = RunRequest(agent: agent.name, input: .object(input), tenant: identity.tenant,
                                    principal: identity.principal, runID: runID)
        let completion = OpenAICompletion(runID: runID, model: agent.name)
        context.facts.run(runID.rawValue)
        let runtime = env.runtime
        context.logger.info("chat completion", metadata: ["run_id": .string(runID.rawValue), "agent": .string(agent.name),
                                                           "stream": .stringConvertible(chat.stream)])
        guard chat.stream else {
            let record = try await env.gateway.execute(tenant: identity.tenant, runID: runID) { try await runtime.run(runRequest) }
            var text: String
            if record.status == .waiting {
                // the assistant says what awaits a decision; the run id header names the run to decide
                text = try await Self.waitingText(runtime, tenant: identity.tenant, runID: runID)
            } else {
                try ChatRoutes.requireCompleted(record)
                text = Self.text(record)
            }
            var response = Response.json(completion.response(text: text, usage: record.usage))
            response.headers[.init("X-Aviary-Run-ID")!] = runID.rawValue
            return response
        }
        let slot = try env.admitStream(context, identity: identity)
        let feed = env.deps.hub.subscribe(runID)
        let ticket: RunTicket<RunRecord>
        do {
            ticket = try env.gateway.submit(tenant: identity.tenant) { try await runtime.run(runRequest, streamDeltas: true) }
        } catch {
            feed.cancel()
            throw error
        }
        var headers = RunRoutes.sseHeaders
        headers[.init("X-Aviary-Run-ID")!] = runID.rawValue
        let tenant = identity.tenant
        let streamer = CompletionStreamer(runID: runID, completion: completion, feed: feed, ticket: ticket,
                                          includeUsage: chat.includeUsage, heartbeat: env.config.heartbeatInterval,
                                          timeout: env.config.runTimeout,
                                          waitingText: { try await Self.waitingText(runtime, tenant: tenant, runID: runID) })
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer { slot.release() }
            try await streamer.stream { text in try await writer.write(ByteBuffer(string: text)) }
            try await writer.finish(nil)
        })
    }

    /// The assistant's answer for a run that waits for a person: what awaits a decision, and how
    /// to decide it (the `X-Aviary-Run-ID` header names the run).
    static func waitingText(_ runtime: AgentRuntime, tenant: String, runID: RunID) async throws -> String {
        let pending = try await runtime.pendingApprovals(tenant: tenant, runID: runID)
        return PendingApproval.waitingSentence(pending) + ". Decide with POST /api/v1/runs/\(runID)/approve or /reject; the run then goes on."
    }

    static func text(_ record: RunRecord) -> String {
        record.output?.stringValue ?? record.output?.jsonString ?? ""
    }
}
