/// `run.finished`: the run completed with an output (final).
public struct RunFinishedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.runFinished
    public static let fields = ["output", "usage"]

    /// The run's output (`null` when missing from the data).
    public var output: JSONValue
    /// Tokens, cost and model calls of the whole run (`nil` only when missing from the data).
    public var usage: Usage?

    /// Creates the payload.
    public init(output: JSONValue, usage: Usage?) {
        self.output = output
        self.usage = usage
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(output: r.json("output"), usage: try r.optionalUsage("usage"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 2)
        o["output"] = output
        if let usage { o["usage"] = usage.json }
        return .object(o)
    }
}
