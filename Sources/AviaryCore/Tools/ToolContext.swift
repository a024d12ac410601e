import Foundation
import Logging

/// What a tool receives besides its arguments.
public struct ToolContext: Sendable {
    /// The run calling the tool.
    public var runID: RunID
    /// The tenant that owns the run.
    public var tenant: String
    /// The session, when the run belongs to one.
    public var sessionID: String?
    /// The session's file workspace, when it has one.
    public var workspace: URL?
    /// The folder holding every session workspace of the tenant (``workspace`` lies inside it),
    /// which the workspace tools add up for the per-tenant quota; `nil` when there is none.
    public var tenantWorkspaces: URL?
    /// Run id + step key: pass it to external systems so a retried call is not applied twice.
    public var idempotencyKey: String
    /// The id of the model's tool call.
    public var callID: String
    /// Logger with run metadata attached.
    public var logger: Logger
    /// Extra values set by the runtime for specific tools (for example delegation).
    public var values: [String: String]
    /// True when the run executes again after an interruption (its journal had steps): this call
    /// may have reached the tool before. False on a run's first execution.
    public var isResumedRun: Bool

    /// Creates a context.
    public init(runID: RunID, tenant: String, sessionID: String? = nil, workspace: URL? = nil, tenantWorkspaces: URL? = nil, idempotencyKey: String,
                callID: String, logger: Logger = Logger(label: "aviary.tool"), values: [String: String] = [:],
                isResumedRun: Bool = false) {
        self.runID = runID
        self.tenant = tenant
        self.sessionID = sessionID
        self.workspace = workspace
        self.tenantWorkspaces = tenantWorkspaces
        self.idempotencyKey = idempotencyKey
        self.callID = callID
        self.logger = logger
        self.values = values
        self.isResumedRun = isResumedRun
    }
}
