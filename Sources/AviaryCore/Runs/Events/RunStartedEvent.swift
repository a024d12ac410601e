/// `run.started`: a run began executing for the first time.
public struct RunStartedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.runStarted
    public static let fields = ["agent", "input", "parent_run_id"]
    public static let optionalFields: Set<String> = ["parent_run_id"]

    /// The agent that runs.
    public var agent: String
    /// The run's input (`null` when missing from the data).
    public var input: JSONValue
    /// The delegating run, for a child run; left out otherwise.
    public var parentRunID: RunID?

    /// Creates the payload.
    public init(agent: String, input: JSONValue, parentRunID: RunID? = nil) {
        self.agent = agent
        self.input = input
        self.parentRunID = parentRunID
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(agent: try r.string("agent"), input: r.json("input"), parentRunID: try r.optionalRunID("parent_run_id"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 3)
        o["agent"] = .string(agent)
        o["input"] = input
        if let parentRunID { o["parent_run_id"] = .string(parentRunID.rawValue) }
        return .object(o)
    }
}
