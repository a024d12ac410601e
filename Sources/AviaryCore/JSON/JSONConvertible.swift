/// Fast, Foundation-free conversion to and from ``JSONValue`` for run data on hot paths
/// (journal entries, transcripts). Wire names are snake_case and stable.
public protocol JSONConvertible {
    /// The JSON form.
    var json: JSONValue { get }
    /// Rebuilds the value; throws on a malformed form.
    init(json: JSONValue) throws(JSONParseError)
}

extension JSONValue {
    func required(_ key: String) throws(JSONParseError) -> JSONValue {
        guard let v = self[key] else { throw JSONParseError(offset: 0, reason: "missing '\(key)'") }
        return v
    }

    func requiredString(_ key: String) throws(JSONParseError) -> String {
        guard let v = self[key]?.stringValue else { throw JSONParseError(offset: 0, reason: "missing string '\(key)'") }
        return v
    }
}

extension Usage: JSONConvertible {
    public var json: JSONValue {
        ["input_tokens": .number(Double(inputTokens)), "output_tokens": .number(Double(outputTokens)),
         "cost_usd": .number(costUSD), "requests": .number(Double(requests))]
    }

    public init(json: JSONValue) throws(JSONParseError) {
        self.init(inputTokens: json["input_tokens"]?.intValue ?? 0, outputTokens: json["output_tokens"]?.intValue ?? 0,
                  costUSD: json["cost_usd"]?.numberValue ?? 0, requests: json["requests"]?.intValue ?? 0)
    }
}

extension ToolCall: JSONConvertible {
    public var json: JSONValue {
        var o: [String: JSONValue] = ["id": .string(id), "name": .string(name), "arguments": arguments]
        if let invalidArguments { o["invalid_arguments"] = .string(invalidArguments) }
        return .object(o)
    }

    public init(json: JSONValue) throws(JSONParseError) {
        self.init(id: try json.requiredString("id"), name: try json.requiredString("name"),
                  arguments: json["arguments"] ?? .object([:]), invalidArguments: json["invalid_arguments"]?.stringValue)
    }
}

extension Part: JSONConvertible {
    public var json: JSONValue {
        switch self {
        case .text(let t): return ["type": "text", "text": .string(t)]
        case .toolCall(let c): return ["type": "tool_call", "call": c.json]
        case .toolResult(let r):
            return ["type": "tool_result", "result": ["call_id": .string(r.callID), "name": .string(r.name),
                                                      "content": .string(r.content), "is_error": .bool(r.isError)]]
        case .json(let v): return ["type": "json", "value": v]
        }
    }

    public init(json: JSONValue) throws(JSONParseError) {
        switch try json.requiredString("type") {
        case "text": self = .text(try json.requiredString("text"))
        case "tool_call": self = .toolCall(try ToolCall(json: try json.required("call")))
        case "tool_result":
            let r = try json.required("result")
            self = .toolResult(ToolResult(callID: try r.requiredString("call_id"), name: try r.requiredString("name"),
                                          content: try r.requiredString("content"), isError: r["is_error"]?.boolValue ?? false))
        case "json": self = .json(json["value"] ?? .null)
        case let other: throw JSONParseError(offset: 0, reason: "unknown part type '\(other)'")
        }
    }
}

extension Message: JSONConvertible {
    public var json: JSONValue { ["role": .string(role.rawValue), "parts": .array(parts.map(\.json))] }

    public init(json: JSONValue) throws(JSONParseError) {
        guard let role = Role(rawValue: try json.requiredString("role")) else { throw JSONParseError(offset: 0, reason: "unknown role") }
        var parts: [Part] = []
        for p in json["parts"]?.arrayValue ?? [] { parts.append(try Part(json: p)) }
        self.init(role: role, parts: parts)
    }
}

extension ModelResponse: JSONConvertible {
    public var json: JSONValue {
        ["message": message.json, "finish_reason": .string(finishReason.rawValue), "usage": usage.json, "model": .string(model)]
    }

    public init(json: JSONValue) throws(JSONParseError) {
        self.init(message: try Message(json: try json.required("message")),
                  finishReason: FinishReason(rawValue: json["finish_reason"]?.stringValue ?? "") ?? .other,
                  usage: try Usage(json: json["usage"] ?? .object([:])), model: json["model"]?.stringValue ?? "")
    }
}
