/// `run.resumed`: a run that executed before executes again (after an interruption, an answer
/// or an operator's decision).
public struct RunResumedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.runResumed
    public static let fields = ["agent"]

    /// The agent that runs.
    public var agent: String

    /// Creates the payload.
    public init(agent: String) { self.agent = agent }

    public init(data: JSONValue) throws(RunEventDataError) {
        self.init(agent: try RunEventDataReader(data, Self.kind).string("agent"))
    }

    public var data: JSONValue { .object(["agent": .string(agent)]) }
}
