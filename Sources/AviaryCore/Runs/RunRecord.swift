import Foundation

/// The stored row of a run.
public struct RunRecord: Sendable, Hashable, Codable {
    /// Run id.
    public var id: RunID
    /// Owning tenant.
    public var tenant: String
    /// The principal that started it.
    public var principal: String
    /// The session it belongs to, if any.
    public var sessionID: String?
    /// The parent run when this is a delegated child run.
    public var parentRunID: RunID?
    /// The agent that runs.
    public var agent: String
    /// The run's input (for agents: `{"question": …}` or structured input).
    public var input: JSONValue
    /// Lifecycle status.
    public var status: RunStatus
    /// Final output when completed.
    public var output: JSONValue?
    /// Error message when failed or needing attention.
    public var error: String?
    /// Accumulated usage of this run (children included).
    public var usage: Usage
    /// Created at.
    public var createdAt: Date
    /// Last updated at.
    public var updatedAt: Date
    /// The executing process's claim while the run is `running` (``RunLease``); `nil` for runs
    /// stored before leases existed.
    public var lease: RunLease?

    /// Creates a record.
    public init(id: RunID, tenant: String, principal: String, sessionID: String? = nil, parentRunID: RunID? = nil,
                agent: String, input: JSONValue, status: RunStatus = .pending, output: JSONValue? = nil,
                error: String? = nil, usage: Usage = Usage(), createdAt: Date = Date(), updatedAt: Date = Date(), lease: RunLease? = nil) {
        self.id = id
        self.tenant = tenant
        self.principal = principal
        self.sessionID = sessionID
        self.parentRunID = parentRunID
        self.agent = agent
        self.input = input
        self.status = status
        self.output = output
        self.error = error
        self.usage = usage
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lease = lease
    }
}
