/// `delegation.finished`: a delegated child run returned to its parent.
public struct DelegationFinishedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.delegationFinished
    public static let fields = ["agent", "child_run_id", "is_error"]

    /// The agent delegated to.
    public var agent: String
    /// The child run.
    public var childRunID: RunID
    /// True when the delegation's tool result is an error (false when missing from the data).
    public var isError: Bool

    /// Creates the payload.
    public init(agent: String, childRunID: RunID, isError: Bool) {
        self.agent = agent
        self.childRunID = childRunID
        self.isError = isError
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(agent: try r.string("agent"), childRunID: try r.runID("child_run_id"), isError: try r.optionalBool("is_error") ?? false)
    }

    public var data: JSONValue {
        .object(["agent": .string(agent), "child_run_id": .string(childRunID.rawValue), "is_error": .bool(isError)])
    }
}
