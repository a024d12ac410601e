/// `reasoning.step`: the text a model wrote alongside its tool calls.
public struct ReasoningStepEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.reasoningStep
    public static let fields = ["step", "text"]
    public static let debugOnlyFields: Set<String> = ["text"]

    /// The journal step key of the model call (`turn/N/model`).
    public var step: String
    /// The model's text (`nil` only when missing from the data, as in the production view).
    public var text: String?

    /// Creates the payload.
    public init(step: String, text: String?) {
        self.step = step
        self.text = text
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(step: try r.string("step"), text: try r.optionalString("text"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 2)
        o["step"] = .string(step)
        if let text { o["text"] = .string(text) }
        return .object(o)
    }
}
