/// `tool.finished`: a tool call returned.
public struct ToolFinishedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.toolFinished
    public static let fields = ["call_id", "name", "output", "duration_ms"]
    public static let debugOnlyFields: Set<String> = ["output"]

    /// The model's call id.
    public var callID: String
    /// The tool called.
    public var name: String
    /// The text the model gets back (`nil` only when missing from the data, as in the production view).
    public var output: String?
    /// How long the call took, in milliseconds (`nil` only when missing from the data).
    public var durationMS: Double?

    /// Creates the payload.
    public init(callID: String, name: String, output: String?, durationMS: Double?) {
        self.callID = callID
        self.name = name
        self.output = output
        self.durationMS = durationMS
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(callID: try r.string("call_id"), name: try r.string("name"), output: try r.optionalString("output"),
                  durationMS: try r.optionalNumber("duration_ms"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 4)
        o["call_id"] = .string(callID)
        o["name"] = .string(name)
        if let output { o["output"] = .string(output) }
        if let durationMS { o["duration_ms"] = .number(durationMS) }
        return .object(o)
    }
}
