import AviaryCore

extension FakeAnthropicServer {
    /// A Messages API `message` object for a text or tool-call reply.
    static func message(for reply: FakeReply, id: String, model: String) -> JSONValue {
        let (text, calls, usage) = parts(of: reply)
        var content: [JSONValue] = text.isEmpty ? [] : [["type": "text", "text": .string(text)]]
        for call in calls {
            content.append(["type": "tool_use", "id": .string(call.id), "name": .string(call.name),
                            "input": input(call.arguments)])
        }
        return ["id": .string(id), "type": "message", "role": "assistant", "model": .string(model),
                "content": .array(content), "stop_reason": calls.isEmpty ? "end_turn" : "tool_use",
                "stop_sequence": nil,
                "usage": ["input_tokens": .number(Double(usage.input)), "output_tokens": .number(Double(usage.output))]]
    }

    /// The stream events for a text or tool-call reply: `message_start`, a `ping`, a text block in
    /// 4-character deltas, one tool_use block per call with its input JSON in three deltas,
    /// `message_delta` (stop reason, output tokens) and `message_stop`.
    static func events(for reply: FakeReply, id: String, model: String) -> [JSONValue] {
        let (text, calls, usage) = parts(of: reply)
        var out: [JSONValue] = [
            ["type": "message_start",
             "message": ["id": .string(id), "type": "message", "role": "assistant", "model": .string(model),
                         "content": [], "stop_reason": nil, "stop_sequence": nil,
                         "usage": ["input_tokens": .number(Double(usage.input)), "output_tokens": 1]]],
            ["type": "ping"],
        ]
        var index = 0
        if !text.isEmpty {
            out.append(["type": "content_block_start", "index": 0, "content_block": ["type": "text", "text": ""]])
            for piece in FakeOpenAIServer.split(text, size: 4) {
                out.append(["type": "content_block_delta", "index": 0,
                            "delta": ["type": "text_delta", "text": .string(piece)]])
            }
            out.append(["type": "content_block_stop", "index": 0])
            index = 1
        }
        for call in calls {
            let i = JSONValue.number(Double(index))
            out.append(["type": "content_block_start", "index": i,
                        "content_block": ["type": "tool_use", "id": .string(call.id), "name": .string(call.name),
                                          "input": [:]]])
            let size = max(1, (call.arguments.count + 2) / 3)
            for piece in FakeOpenAIServer.split(call.arguments, size: size) {
                out.append(["type": "content_block_delta", "index": i,
                            "delta": ["type": "input_json_delta", "partial_json": .string(piece)]])
            }
            out.append(["type": "content_block_stop", "index": i])
            index += 1
        }
        out.append(["type": "message_delta",
                    "delta": ["stop_reason": calls.isEmpty ? "end_turn" : "tool_use", "stop_sequence": nil],
                    "usage": ["output_tokens": .number(Double(usage.output))]])
        out.append(["type": "message_stop"])
        return out
    }

    private static func input(_ arguments: String) -> JSONValue {
        guard let value = try? JSONValue(parsing: arguments.isEmpty ? "{}" : arguments), value.objectValue != nil
        else { return [:] }
        return value
    }

    private static func parts(of reply: FakeReply) -> (String, [FakeToolCall], FakeUsage) {
        switch reply {
        case .text(let text, let usage): return (text, [], usage)
        case .toolCalls(let calls, let text, let usage): return (text, calls, usage)
        default: return ("", [], FakeUsage())
        }
    }
}
