/// `delegation.started`: a tool call delegates to another agent, which runs as a child run.
public struct DelegationStartedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.delegationStarted
    public static let fields = ["agent", "call_id", "child_run_id"]

    /// The agent delegated to.
    public var agent: String
    /// The delegating tool call's id.
    public var callID: String
    /// The child run (stable across resume: ``RunID/child(_:)`` of the call's step).
    public var childRunID: RunID

    /// Creates the payload.
    public init(agent: String, callID: String, childRunID: RunID) {
        self.agent = agent
        self.callID = callID
        self.childRunID = childRunID
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(agent: try r.string("agent"), callID: try r.string("call_id"), childRunID: try r.runID("child_run_id"))
    }

    public var data: JSONValue {
        .object(["agent": .string(agent), "call_id": .string(callID), "child_run_id": .string(childRunID.rawValue)])
    }
}
