import AviaryCore
import Foundation

/// The OpenAI Chat Completions response and chunk shapes for an agent run.
struct OpenAICompletion: Sendable {
    let id: String
    let model: String
    let created: Int

    init(runID: RunID, model: String, created: Date = Date()) {
        self.id = "chatcmpl-" + runID.rawValue
        self.model = model
        self.created = Int(created.timeIntervalSince1970)
    }

    /// The non-streaming response.
    func response(text: String, usage: Usage) -> JSONValue {
        [
            "id": .string(id), "object": "chat.completion", "created": .number(Double(created)), "model": .string(model),
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(text), "refusal": .null],
                         "logprobs": .null, "finish_reason": "stop"]],
            "usage": Self.usage(usage), "system_fingerprint": "aviary",
        ]
    }

    /// A `chat.completion.chunk` with a delta (and a finish reason on the last one).
    func chunk(delta: JSONValue, finishReason: String? = nil, includeUsageField: Bool) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "object": "chat.completion.chunk", "created": .number(Double(created)), "model": .string(model),
            "choices": [["index": 0, "delta": delta, "logprobs": .null, "finish_reason": finishReason.map { .string($0) } ?? .null]],
            "system_fingerprint": "aviary",
        ]
        if includeUsageField { object["usage"] = .null }
        return .object(object)
    }

    /// The final usage chunk (`stream_options.include_usage`): no choices, usage set.
    func usageChunk(_ usage: Usage) -> JSONValue {
        ["id": .string(id), "object": "chat.completion.chunk", "created": .number(Double(created)), "model": .string(model),
         "choices": [], "usage": Self.usage(usage), "system_fingerprint": "aviary"]
    }

    static func usage(_ u: Usage) -> JSONValue {
        ["prompt_tokens": .number(Double(u.inputTokens)), "completion_tokens": .number(Double(u.outputTokens)),
         "total_tokens": .number(Double(u.totalTokens))]
    }

    /// `data: <json>\n\n`.
    static func frame(_ value: JSONValue) -> String { "data: \(value.jsonString)\n\n" }
}
