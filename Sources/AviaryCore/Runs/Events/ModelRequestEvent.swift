/// `model.request`: a model call is about to be made (a journaled model step that is not replayed).
public struct ModelRequestEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.modelRequest
    public static let fields = ["step", "model", "messages", "tools"]

    /// The journal step key (`turn/N/model`).
    public var step: String
    /// The model called (its catalog name).
    public var model: String
    /// How many messages the request carries (`nil` only when missing from the data).
    public var messages: Int?
    /// How many tools the request offers (`nil` only when missing from the data).
    public var tools: Int?

    /// Creates the payload.
    public init(step: String, model: String, messages: Int?, tools: Int?) {
        self.step = step
        self.model = model
        self.messages = messages
        self.tools = tools
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(step: try r.string("step"), model: try r.string("model"),
                  messages: try r.optionalInt("messages"), tools: try r.optionalInt("tools"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 4)
        o["step"] = .string(step)
        o["model"] = .string(model)
        if let messages { o["messages"] = .number(Double(messages)) }
        if let tools { o["tools"] = .number(Double(tools)) }
        return .object(o)
    }
}
