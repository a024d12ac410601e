import AviaryCore
import AviaryRuntime
import Hummingbird
import HTTPTypes

/// The runs API: list, show, events (SSE with `Last-Event-ID` replay and live tail), resume, cancel.
/// A run is visible to its tenant's owning principal and to the tenant's admins; other tenants get 404.
struct RunRoutes {
    let env: RouteEnvironment

    func register(on router: RouteRecorder) {
        router.get("/api/v1/runs") { request, context in try await env.bounded { try await list(request, context) } }
        router.get("/api/v1/runs/{id}") { _, context in
            try await env.bounded {
                let run = try await env.accessibleRun(try context.parameters.require("id"), identity: try context.requireIdentity())
                return Response.json(run.wireJSON)
            }
        }
        router.get("/api/v1/runs/{id}/events") { request, context in try await events(request, context) }
        router.post("/api/v1/runs/{id}/resume") { request, context in try await resume(request, context) }
        router.post("/api/v1/runs/{id}/cancel") { _, context in try await env.bounded { try await cancel(context) } }
    }

    /// `?session_id=&status=&limit=`; non-admins see their own runs only.
    func list(_ request: Request, _ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        var query = RunQuery(tenant: identity.tenant, sessionID: request.query("session_id"),
                             principal: identity.role == .admin ? request.query("principal") : identity.principal)
        if let s = request.query("status") {
            guard let status = RunStatus(rawValue: s) else {
                throw APIError.badRequest("invalid_query", "status must be one of \(RunStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.status = status
        }
        if let l = request.query("limit") {
            guard let n = Int(l), (1...500).contains(n) else { throw APIError.badRequest("invalid_query", "limit must be an integer from 1 to 500") }
            query.limit = n
        }
        let runs = try await env.deps.runs.listRuns(query)
        return Response.json(["runs": .array(runs.map(\.wireJSON))])
    }

    /// Server-Sent Events: stored events after `Last-Event-ID` (or `?after=`), then live ones.
    func events(_ request: Request, _ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let run = try await env.accessibleRun(try context.parameters.require("id"), identity: identity)
        let lastID = request.headers[HTTPField.Name("Last-Event-ID")!] ?? request.query("after")
        var after = 0
        if let lastID {
            guard let n = Int(lastID), n >= 0 else { throw APIError.badRequest("invalid_last_event_id", "Last-Event-ID must be an event sequence number") }
            after = n
        }
        let activeRuns = env.runtime.activeRuns
        let streamer = RunEventStreamer(runID: run.id, tenant: run.tenant, store: env.deps.runs, hub: env.deps.hub,
                                        heartbeat: env.config.heartbeatInterval, poll: env.config.eventPollInterval,
                                        follow: request.query("follow") != "false", view: RunEventView(role: identity.role),
                                        limits: env.config.streams, isExecutingHere: { activeRuns.contains($0) })
        let ticket = try env.admitStream(context, identity: identity)
        let start = after
        return Response(status: .ok, headers: Self.sseHeaders, body: ResponseBody { writer in
            defer { ticket.release() }
            try await streamer.stream(after: start) { text in try await writer.write(ByteBuffer(string: text)) }
            try await writer.finish(nil)
        })
    }

    /// Resumes an interrupted, failed or needs-attention run. Body (optional):
    /// `{"decision": "retry" | "fail" | {"skip_with": <value>}, "wait": false}`. Answers 202 at once
    /// (follow the events), or the finished run with `"wait": true`.
    func resume(_ request: Request, _ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let run = try await env.accessibleRun(try context.parameters.require("id"), identity: identity)
        var decision: ResumeDecision?
        var wait = false
        if request.headers[.contentLength].map({ $0 != "0" }) ?? false || request.headers[.transferEncoding] != nil {
            let body = try await request.jsonObject(limit: env.config.maxBodyBytes)
            decision = try Self.decision(body["decision"])
            wait = try body.bool("wait") ?? false
        }
        if run.status == .completed || run.status == .cancelled {
            throw APIError.conflict("run \(run.id) is \(run.status.rawValue) and cannot be resumed")
        }
        if run.status == .needsAttention && decision == nil {
            throw APIError.badRequest("decision_required", "run \(run.id) needs attention: send {\"decision\": \"retry\" | \"fail\" | {\"skip_with\": value}}")
        }
        if env.runtime.activeRuns.contains(run.id) || run.parentRunID != nil && env.runtime.activeRuns.contains(run.parentRunID!) {
            throw APIError.conflict("run \(run.id) is executing")
        }
        let runtime = env.runtime
        let id = run.id, tenant = run.tenant, chosen = decision
        let feed = env.deps.hub.subscribe(id)
        defer { feed.cancel() }
        let ticket = try env.gateway.submit(tenant: tenant) { try await runtime.resume(id, tenant: tenant, decision: chosen) }
        if wait {
            guard let finished = try await ticket.value(timeout: env.config.runTimeout) else {
                throw APIError.timeout("run \(id) did not finish within \(env.config.runTimeout); it continues")
            }
            return Response.json(finished.wireJSON)
        }
        // Answer once the run is executing (so an event stream opened next follows the new
        // execution), or with its error if it could not start.
        if await Self.started(id, feed: feed, ticket: ticket) == false, let done = try await ticket.value() {
            return Response.json(["run": done.wireJSON, "events": .string("/api/v1/runs/\(id)/events")], status: .accepted)
        }
        var accepted = run
        accepted.status = .running
        return Response.json(["run": accepted.wireJSON, "events": .string("/api/v1/runs/\(id)/events")], status: .accepted)
    }

    /// Cancels a run: an executing run stops at its next step boundary (202); an idle one
    /// (interrupted, needs attention, failed) is recorded cancelled at once (200).
    func cancel(_ context: AviaryRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let run = try await env.accessibleRun(try context.parameters.require("id"), identity: identity)
        if run.status == .completed || run.status == .cancelled {
            throw APIError.conflict("run \(run.id) is \(run.status.rawValue) and cannot be cancelled")
        }
        if env.runtime.requestCancel(run.id) {
            return Response.json(["run_id": .string(run.id.rawValue), "status": "cancelling"], status: .accepted)
        }
        let cancelled = try await env.runtime.cancelIdle(run.id, tenant: run.tenant)
        return Response.json(cancelled.wireJSON)
    }

    /// Waits (up to 10 s) for the run's `run.resumed` event (or `kind`); false when the work ended first.
    static func started(_ id: RunID, feed: RunEventFeed, ticket: RunTicket<RunRecord>, kind: RunEvent.Kind = .runResumed) async -> Bool {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for _ in 0..<100 {
                    // Cancelled once the event (or the end) has been seen: the ticker just stops.
                    guard (try? await Task.sleep(for: .milliseconds(100))) != nil else { return }
                    feed.tick()
                }
                feed.cancel()
            }
            defer { group.cancelAll() }
            for await item in feed.items {
                switch item {
                case .event(let e) where e.runID == id && e.kind == kind: return true
                case .tick where ticket.isCompleted: return false
                default: continue
                }
            }
            return true
        }
    }

    static func decision(_ value: JSONValue?) throws -> ResumeDecision? {
        switch value {
        case nil, .some(.null): return nil
        case .some(.string("retry")): return .retry
        case .some(.string("fail")): return .fail
        case .some(.object(let o)) where o["skip_with"] != nil: return .skip(o["skip_with"]!)
        default: throw APIError.badRequest("invalid_field", "decision must be \"retry\", \"fail\" or {\"skip_with\": value}")
        }
    }

    static let sseHeaders: HTTPFields = {
        var h = HTTPFields()
        h[.contentType] = "text/event-stream"
        h[.cacheControl] = "no-cache"
        h[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return h
    }()
}
