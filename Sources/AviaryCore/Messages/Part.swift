/// A piece of message content. Encodes with a stable `type` discriminator.
public enum Part: Sendable, Hashable {
    /// Plain text.
    case text(String)
    /// A request from the model to call a tool.
    case toolCall(ToolCall)
    /// The result of a tool call, sent back to the model.
    case toolResult(ToolResult)
    /// Structured JSON content (for example structured output).
    case json(JSONValue)
}

extension Part: Codable {
    private enum CodingKeys: String, CodingKey { case type, text, call, result, value }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case "tool_call": self = .toolCall(try c.decode(ToolCall.self, forKey: .call))
        case "tool_result": self = .toolResult(try c.decode(ToolResult.self, forKey: .result))
        case "json": self = .json(try c.decode(JSONValue.self, forKey: .value))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown part type '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let t): try c.encode("text", forKey: .type); try c.encode(t, forKey: .text)
        case .toolCall(let call): try c.encode("tool_call", forKey: .type); try c.encode(call, forKey: .call)
        case .toolResult(let r): try c.encode("tool_result", forKey: .type); try c.encode(r, forKey: .result)
        case .json(let v): try c.encode("json", forKey: .type); try c.encode(v, forKey: .value)
        }
    }
}
