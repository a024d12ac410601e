import AviaryCore
import AviaryHTTP
import AviaryRuntime
import Foundation

extension AviaryApplication {
    /// The tenant's tool calls waiting for approval (`aviary approvals list`).
    public static func pendingApprovals(_ configuration: AviaryConfiguration, options: Options = Options()) async throws -> [PendingApproval] {
        try await with(configuration, options: options) { app in
            try await app.runtime.pendingApprovals(tenant: configuration.tenant)
        }
    }

    /// Decides a run's pending approval and resumes the run here (`aviary approvals approve|reject`).
    /// The command line decides as an admin of the project's database, recorded as `by` (default
    /// `local:$USER`).
    /// `answer` answers an input request (with approve); `step` names the request when the run
    /// waits for several.
    public static func decideApproval(_ configuration: AviaryConfiguration, runID: String, approve: Bool, reason: String?, by: String?,
                                      answer: JSONValue? = nil, step: String? = nil, options: Options = Options()) async throws -> ResumeOutcome {
        let principal = by ?? "local:" + (ProcessInfo.processInfo.environment["USER"] ?? "operator")
        let run = try await with(configuration, options: options) { app in
            _ = try await app.runtime.answerApproval(RunID(runID), tenant: configuration.tenant, principal: principal, role: .admin,
                                                     decision: approve ? .approved : .rejected, reason: reason, value: answer, step: step)
            return try await app.runtime.resumeAnswered(RunID(runID), tenant: configuration.tenant)
        }
        return ResumeOutcome(run)
    }
}

extension PendingApproval {
    /// One line for `aviary approvals list`: run, agent, what waits (a tool call and its
    /// arguments, or an input's question and answer schema), its step (for `--step`), who may decide.
    public var consoleLine: String {
        let what = switch request.kind {
        case .approval where !request.tool.isEmpty: "\(request.tool) \(request.arguments.jsonString)"
        case .approval: "approve: \(request.summary)"
        case .input: "input: \(request.summary)\(request.answerSchema.map { " answer matching \($0.jsonString)" } ?? "")"
        }
        return "\(run.id.rawValue)  \(run.agent)  \(what)  step \(stepKey)  "
            + "(by \(request.approvers.map(\.description).joined(separator: " or ")); owner \(run.principal); "
            + "waiting since \(request.requestedAt.formatted(.iso8601)))"
    }
}
