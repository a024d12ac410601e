import AviaryCore

/// Turns Messages API stream events into ``ModelStreamEvent``s and assembles the final response.
///
/// Handles `message_start`, `content_block_start` (text / tool_use), `content_block_delta`
/// (`text_delta`, `input_json_delta`), `content_block_stop`, `message_delta`, `message_stop`,
/// `ping` and `error`. Tool calls are numbered 0, 1, … in block order; the structured-output tool's
/// input is surfaced as text.
struct AnthropicStreamAccumulator {
    private enum Block {
        case text
        case tool(slot: Int)
        case output
        case ignored
    }

    private struct PartialCall {
        var id: String
        var name: String
        var json: String
    }

    let provider: String
    private let outputTool: AnthropicOutputTool?
    private var model: String
    private var blocks: [Int: Block] = [:]
    private var text = ""
    private var outputJSON: String?
    private var calls: [PartialCall] = []
    private var stopReason: String?
    private var inputTokens = 0
    private var outputTokens = 0
    /// Whether `message_stop` arrived.
    private(set) var isDone = false

    init(provider: String, model: String, outputTool: AnthropicOutputTool?) {
        self.provider = provider
        self.model = model
        self.outputTool = outputTool
    }

    /// Consumes one SSE event and returns the deltas it carried.
    mutating func consume(_ event: SSEEvent) throws -> [ModelStreamEvent] {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: event.data)
        } catch {
            throw ProviderError.invalidResponse(provider: provider, reason: "stream event is not JSON (\(error))",
                                                body: Array(event.data.utf8))
        }
        switch json["type"]?.stringValue ?? event.event {
        case "message_start":
            let message = json["message"]
            if let id = message?["model"]?.stringValue, !id.isEmpty { model = id }
            let usage = AnthropicModel.usage(message?["usage"])
            inputTokens = usage.inputTokens
            outputTokens = usage.outputTokens
        case "content_block_start":
            return startBlock(index: json["index"]?.intValue ?? blocks.count, block: json["content_block"] ?? [:])
        case "content_block_delta":
            return applyDelta(index: json["index"]?.intValue ?? 0, delta: json["delta"] ?? [:])
        case "message_delta":
            if let reason = json["delta"]?["stop_reason"]?.stringValue { stopReason = reason }
            if let out = json["usage"]?["output_tokens"]?.intValue { outputTokens = out }
            if let usage = json["usage"], usage["input_tokens"]?.intValue != nil {
                inputTokens = AnthropicModel.usage(usage).inputTokens
            }
        case "message_stop":
            isDone = true
        case "error":
            throw AnthropicModel.apiError(json["error"] ?? json, provider: provider)
        default:
            break // ping, content_block_stop and future event types
        }
        return []
    }

    private mutating func startBlock(index: Int, block: JSONValue) -> [ModelStreamEvent] {
        switch block["type"]?.stringValue {
        case "text":
            blocks[index] = .text
            let initial = block["text"]?.stringValue ?? ""
            text += initial
            return initial.isEmpty ? [] : [.textDelta(initial)]
        case "tool_use":
            let id = block["id"]?.stringValue ?? "toolu_\(index)"
            let name = block["name"]?.stringValue ?? ""
            if let outputTool, name == outputTool.name {
                blocks[index] = .output
                outputJSON = ""
                return []
            }
            blocks[index] = .tool(slot: calls.count)
            calls.append(PartialCall(id: id, name: name, json: ""))
            return [.toolCallDelta(index: calls.count - 1, id: id, name: name, argumentsDelta: "")]
        default:
            blocks[index] = .ignored
            return []
        }
    }

    private mutating func applyDelta(index: Int, delta: JSONValue) -> [ModelStreamEvent] {
        switch (blocks[index], delta["type"]?.stringValue) {
        case (.text?, "text_delta"):
            let piece = delta["text"]?.stringValue ?? ""
            text += piece
            return piece.isEmpty ? [] : [.textDelta(piece)]
        case (.tool(let slot)?, "input_json_delta"):
            let piece = delta["partial_json"]?.stringValue ?? ""
            calls[slot].json += piece
            return piece.isEmpty ? [] : [.toolCallDelta(index: slot, id: nil, name: nil, argumentsDelta: piece)]
        case (.output?, "input_json_delta"):
            let piece = delta["partial_json"]?.stringValue ?? ""
            outputJSON = (outputJSON ?? "") + piece
            return piece.isEmpty || outputTool?.wrapped == true ? [] : [.textDelta(piece)]
        default:
            return []
        }
    }

    /// The assembled response plus any last deltas (a wrapped structured answer arrives in one piece).
    func finish() throws -> (ModelResponse, [ModelStreamEvent]) {
        guard isDone || stopReason != nil else {
            throw ProviderError.invalidResponse(provider: provider, reason: "stream ended before `message_stop`")
        }
        var finalText = text
        var trailing: [ModelStreamEvent] = []
        if let outputJSON, let outputTool {
            let input = (try? JSONValue(parsing: outputJSON.isEmpty ? "{}" : outputJSON)) ?? .null
            if outputTool.wrapped {
                finalText = outputTool.answer(from: input).jsonString
                trailing.append(.textDelta(finalText))
            } else {
                finalText = outputJSON // exactly the deltas already yielded
            }
        }
        var parts: [Part] = finalText.isEmpty ? [] : [.text(finalText)]
        for call in calls {
            parts.append(.toolCall(ToolCall(id: call.id, name: call.name, argumentsText: call.json)))
        }
        let answered = outputJSON != nil && calls.isEmpty
        let response = ModelResponse(
            message: Message(role: .assistant, parts: parts),
            finishReason: AnthropicModel.stopReason(stopReason, answeredWithOutputTool: answered),
            usage: Usage(inputTokens: inputTokens, outputTokens: outputTokens, requests: 1), model: model)
        return (response, trailing)
    }
}
