import AviaryCore
import AviaryRuntime
import Foundation
import Logging
import OpenAPIRuntime

/// `GET /api/v1/approvals`, `POST /api/v1/runs/{id}/approve` and `/reject`: tool calls waiting for
/// a person's decision, and the decision.
extension SpecRoutes {
    func listApprovals(_ input: Operations.ListApprovals.Input) async throws -> Operations.ListApprovals.Output {
        let identity = try RequestIdentity.require()
        let q = input.query
        let pending = try await env.bounded {
            try await env.runtime.pendingApprovals(tenant: identity.tenant, runID: q.runId.map { RunID($0) }, agent: q.agent, tool: q.tool,
                                                   limit: q.limit ?? 100)
        }
        let visible = pending.filter { $0.request.allows(principal: identity.principal, role: identity.role, owner: $0.run.principal) }
        return .ok(.init(body: .json(.init(approvals: try visible.map(Components.Schemas.Approval.init)))))
    }

    func approveRun(_ input: Operations.ApproveRun.Input) async throws -> Operations.ApproveRun.Output {
        let body: Components.Schemas.ApprovalDecisionRequest? = switch input.body { case .json(let body): body; case nil: nil }
        let (decided, waited) = try await decide(input.path.id, .approved, body)
        return waited ? .ok(.init(body: .json(decided))) : .accepted(.init(body: .json(decided)))
    }

    func rejectRun(_ input: Operations.RejectRun.Input) async throws -> Operations.RejectRun.Output {
        let body: Components.Schemas.ApprovalDecisionRequest? = switch input.body { case .json(let body): body; case nil: nil }
        let (decided, waited) = try await decide(input.path.id, .rejected, body)
        return waited ? .ok(.init(body: .json(decided))) : .accepted(.init(body: .json(decided)))
    }

    /// Records the caller's decision, then resumes the run in the supervisor. A run that cannot be
    /// resumed at once (the tenant's run slots are full, or the server is shutting down) stays
    /// claimed by this process; once its lease expires a live server resumes it.
    private func decide(_ id: String, _ decision: ApprovalAnswer.Decision,
                        _ body: Components.Schemas.ApprovalDecisionRequest?) async throws -> (Components.Schemas.ApprovalDecided, Bool) {
        let identity = try RequestIdentity.require()
        let reason = body?.reason
        let runtime = env.runtime, tenant = identity.tenant, runID = RunID(id)
        let value = try body?.answer.map { try JSONValue(parsing: JSONEncoder().encode($0)) }
        let pending = try await runtime.answerApproval(runID, tenant: tenant, principal: identity.principal, role: identity.role,
                                                       decision: decision, reason: reason, value: value, step: body?.step)
        var decided = Components.Schemas.ApprovalDecided(
            runId: id, tool: pending.request.tool, decision: decision == .approved ? .approved : .rejected, by: identity.principal,
            reason: reason, status: "running", events: "/api/v1/runs/\(id)/events", answer: body?.answer)
        let ticket: RunTicket<RunRecord>
        do {
            ticket = try env.gateway.submit(tenant: tenant) { try await runtime.resumeAnswered(runID, tenant: tenant) }
        } catch {
            // recorded, but not resumed now: the lease taken with the answer expires and a live server resumes the run
            env.deps.logger.warning("an answered run could not be resumed at once", metadata: ["run_id": .string(id), "error": .string("\(error)")])
            return (decided, false)
        }
        guard body?.wait == true else { return (decided, false) }
        guard let finished = try await ticket.value(timeout: env.config.runTimeout) else {
            throw APIError.timeout("run \(id) did not finish within \(env.config.runTimeout); it continues")
        }
        decided.status = finished.status.rawValue
        decided.output = try finished.output.map { try OpenAPIValueContainer(unvalidatedValue: $0.foundation) }
        decided.error = finished.error
        return (decided, true)
    }
}

extension Components.Schemas.Approval {
    /// A pending approval as the API shows it.
    init(_ pending: PendingApproval) throws {
        let request = pending.request
        self.init(runId: pending.run.id.rawValue, agent: pending.run.agent, owner: pending.run.principal, step: pending.stepKey,
                  kind: KindPayload(rawValue: request.kind.rawValue) ?? .approval,
                  tool: request.tool, callId: request.callID, arguments: try OpenAPIValueContainer(unvalidatedValue: request.arguments.foundation),
                  summary: request.summary, approvers: request.approvers.map(\.description), requestedAt: request.requestedAt,
                  expiresAt: request.expiresAt, onExpiry: request.expiresAt == nil ? nil : OnExpiryPayload(rawValue: request.onExpiry.rawValue),
                  answerSchema: try request.answerSchema.map { try OpenAPIValueContainer(unvalidatedValue: $0.foundation) },
                  defaultAnswer: try request.defaultAnswer.map { try OpenAPIValueContainer(unvalidatedValue: $0.foundation) })
    }
}

extension JSONValue {
    /// The value as Foundation objects (`String`, `Double`, `Bool`, arrays, dictionaries, nil).
    var foundation: (any Sendable)? {
        switch self {
        case .null: nil
        case .bool(let b): b
        case .number(let n): n.rounded() == n && abs(n) < 1e15 ? Int(n) : n
        case .string(let s): s
        case .array(let a): a.map(\.foundation)
        case .object(let o): o.mapValues(\.foundation)
        }
    }
}
