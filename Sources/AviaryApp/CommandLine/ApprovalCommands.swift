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
    public static func decideApproval(_ configuration: AviaryConfiguration, runID: String, approve: Bool, reason: String?, by: String?,
                                      options: Options = Options()) async throws -> ResumeOutcome {
        let principal = by ?? "local:" + (ProcessInfo.processInfo.environment["USER"] ?? "operator")
        let run = try await with(configuration, options: options) { app in
            _ = try await app.runtime.answerApproval(RunID(runID), tenant: configuration.tenant, principal: principal, role: .admin,
                                                     decision: approve ? .approved : .rejected, reason: reason)
            return try await app.runtime.resumeAnswered(RunID(runID), tenant: configuration.tenant)
        }
        return ResumeOutcome(run)
    }
}

extension PendingApproval {
    /// One line for `aviary approvals list`: run, agent, tool, arguments, who may decide.
    public var consoleLine: String {
        "\(run.id.rawValue)  \(run.agent)  \(request.tool) \(request.arguments.jsonString)  "
            + "(by \(request.approvers.map(\.description).joined(separator: " or ")); owner \(run.principal); "
            + "waiting since \(request.requestedAt.formatted(.iso8601)))"
    }
}
