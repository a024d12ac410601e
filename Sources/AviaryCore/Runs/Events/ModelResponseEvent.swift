/// `model.response`: a model call returned.
public struct ModelResponseEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.modelResponse
    public static let fields = ["step", "model", "usage", "cost_usd", "finish_reason", "latency_ms", "tool_calls"]
    public static let optionalFields: Set<String> = ["tool_calls"]

    /// The journal step key (`turn/N/model`).
    public var step: String
    /// The concrete model that answered (the provider's id when it names one).
    public var model: String
    /// Tokens and cost of this call (`nil` only when missing from the data).
    public var usage: Usage?
    /// Cost of this call in US dollars (`nil` only when missing from the data).
    public var costUSD: Double?
    /// Why the model stopped (`nil` only when missing from the data).
    public var finishReason: ModelResponse.FinishReason?
    /// How long the call took, in milliseconds (`nil` only when missing from the data).
    public var latencyMS: Double?
    /// The names of the tools the model called, in order; left out of the data when empty.
    public var toolCalls: [String]

    /// Creates the payload.
    public init(step: String, model: String, usage: Usage?, costUSD: Double?, finishReason: ModelResponse.FinishReason?,
                latencyMS: Double?, toolCalls: [String] = []) {
        self.step = step
        self.model = model
        self.usage = usage
        self.costUSD = costUSD
        self.finishReason = finishReason
        self.latencyMS = latencyMS
        self.toolCalls = toolCalls
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(step: try r.string("step"), model: try r.string("model"), usage: try r.optionalUsage("usage"),
                  costUSD: try r.optionalNumber("cost_usd"), finishReason: try r.optionalEnum("finish_reason", ModelResponse.FinishReason.self),
                  latencyMS: try r.optionalNumber("latency_ms"), toolCalls: try r.strings("tool_calls"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 7)
        o["step"] = .string(step)
        o["model"] = .string(model)
        if let usage { o["usage"] = usage.json }
        if let costUSD { o["cost_usd"] = .number(costUSD) }
        if let finishReason { o["finish_reason"] = .string(finishReason.rawValue) }
        if let latencyMS { o["latency_ms"] = .number(latencyMS) }
        if !toolCalls.isEmpty { o["tool_calls"] = .array(toolCalls.map { .string($0) }) }
        return .object(o)
    }
}
