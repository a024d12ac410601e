import AviaryCore

extension FakeOpenAIServer {
    /// A `chat.completion` object for a text or tool-call reply.
    static func completion(for reply: FakeReply, id: String, model: String) -> JSONValue {
        let (text, calls, usage) = parts(of: reply)
        var message: [String: JSONValue] = ["role": "assistant", "content": text.isEmpty && !calls.isEmpty ? nil : .string(text),
                                            "refusal": nil]
        if !calls.isEmpty {
            message["tool_calls"] = .array(calls.map { call in
                ["id": .string(call.id), "type": "function",
                 "function": ["name": .string(call.name), "arguments": .string(call.arguments)]]
            })
        }
        return ["id": .string(id), "object": "chat.completion", "created": 1_700_000_000, "model": .string(model),
                "choices": [["index": 0, "message": .object(message), "logprobs": nil,
                             "finish_reason": calls.isEmpty ? "stop" : "tool_calls"]],
                "usage": usageJSON(usage)]
    }

    /// The `chat.completion.chunk` objects for a text or tool-call reply: a role chunk, text in
    /// 4-character pieces, each tool call's id and name then its arguments in three pieces, the finish
    /// chunk and, with `includeUsage`, a final chunk with empty `choices` and the usage.
    static func chunks(for reply: FakeReply, id: String, model: String, includeUsage: Bool) -> [JSONValue] {
        let (text, calls, usage) = parts(of: reply)
        func chunk(_ delta: JSONValue, finish: JSONValue = nil) -> JSONValue {
            ["id": .string(id), "object": "chat.completion.chunk", "created": 1_700_000_000, "model": .string(model),
             "choices": [["index": 0, "delta": delta, "logprobs": nil, "finish_reason": finish]]]
        }
        var out: [JSONValue] = [chunk(["role": "assistant", "content": "", "refusal": nil])]
        for piece in split(text, size: 4) { out.append(chunk(["content": .string(piece)])) }
        for (index, call) in calls.enumerated() {
            out.append(chunk(["tool_calls": [["index": .number(Double(index)), "id": .string(call.id), "type": "function",
                                              "function": ["name": .string(call.name), "arguments": ""]]]]))
            let size = max(1, (call.arguments.count + 2) / 3)
            for piece in split(call.arguments, size: size) {
                out.append(chunk(["tool_calls": [["index": .number(Double(index)),
                                                  "function": ["arguments": .string(piece)]]]]))
            }
        }
        out.append(chunk([:], finish: calls.isEmpty ? "stop" : "tool_calls"))
        if includeUsage {
            out.append(["id": .string(id), "object": "chat.completion.chunk", "created": 1_700_000_000,
                        "model": .string(model), "choices": [], "usage": usageJSON(usage)])
        }
        return out
    }

    private static func parts(of reply: FakeReply) -> (String, [FakeToolCall], FakeUsage) {
        switch reply {
        case .text(let text, let usage): return (text, [], usage)
        case .toolCalls(let calls, let text, let usage): return (text, calls, usage)
        default: return ("", [], FakeUsage())
        }
    }

    private static func usageJSON(_ usage: FakeUsage) -> JSONValue {
        ["prompt_tokens": .number(Double(usage.input)), "completion_tokens": .number(Double(usage.output)),
         "total_tokens": .number(Double(usage.input + usage.output))]
    }

    /// Splits text into pieces of `size` characters.
    static func split(_ text: String, size: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if current.count == size { pieces.append(current); current = "" }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
