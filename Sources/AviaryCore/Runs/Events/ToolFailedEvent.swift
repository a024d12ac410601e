/// `tool.failed`: a tool call failed; the model gets the error as the tool's result.
public struct ToolFailedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.toolFailed
    public static let fields = ["call_id", "name", "arguments", "error", "duration_ms", "unknown_tool"]
    public static let optionalFields: Set<String> = ["unknown_tool"]
    public static let debugOnlyFields: Set<String> = ["arguments"]

    /// The model's call id.
    public var callID: String
    /// The tool called, as the model named it (see ``unknownTool``).
    public var name: String
    /// The call's full arguments (`null` when missing from the data, as in the production view).
    public var arguments: JSONValue
    /// What went wrong, as the model and callers see it (`nil` only when missing from the data).
    public var error: String?
    /// How long the call took, in milliseconds (`nil` only when missing from the data).
    public var durationMS: Double?
    /// True when the agent has no tool of that ``name``: the name is the model's invention, so
    /// consumers (metrics labels) must not treat it as a tool. Written only when true.
    public var unknownTool: Bool

    /// Creates the payload.
    public init(callID: String, name: String, arguments: JSONValue, error: String?, durationMS: Double?, unknownTool: Bool = false) {
        self.callID = callID
        self.name = name
        self.arguments = arguments
        self.error = error
        self.durationMS = durationMS
        self.unknownTool = unknownTool
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(callID: try r.string("call_id"), name: try r.string("name"), arguments: r.json("arguments"),
                  error: try r.optionalString("error"), durationMS: try r.optionalNumber("duration_ms"),
                  unknownTool: try r.optionalBool("unknown_tool") ?? false)
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 6)
        o["call_id"] = .string(callID)
        o["name"] = .string(name)
        o["arguments"] = arguments
        if let error { o["error"] = .string(error) }
        if let durationMS { o["duration_ms"] = .number(durationMS) }
        if unknownTool { o["unknown_tool"] = .bool(true) }
        return .object(o)
    }
}
