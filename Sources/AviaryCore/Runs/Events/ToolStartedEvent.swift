/// `tool.started`: a tool call is about to run (after its approval, when it needs one).
public struct ToolStartedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.toolStarted
    public static let fields = ["call_id", "name", "arguments", "step"]
    public static let debugOnlyFields: Set<String> = ["arguments"]

    /// The model's call id.
    public var callID: String
    /// The tool called (as the model named it).
    public var name: String
    /// The call's full arguments (`null` when missing from the data, as in the production view).
    public var arguments: JSONValue
    /// The journal step key (`turn/N/tool/<call id>`; `nil` only when missing from the data).
    public var step: String?

    /// Creates the payload.
    public init(callID: String, name: String, arguments: JSONValue, step: String?) {
        self.callID = callID
        self.name = name
        self.arguments = arguments
        self.step = step
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(callID: try r.string("call_id"), name: try r.string("name"), arguments: r.json("arguments"),
                  step: try r.optionalString("step"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 4)
        o["call_id"] = .string(callID)
        o["name"] = .string(name)
        o["arguments"] = arguments
        if let step { o["step"] = .string(step) }
        return .object(o)
    }
}
