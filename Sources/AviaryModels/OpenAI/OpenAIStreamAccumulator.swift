import AviaryCore

/// Turns Chat Completions stream chunks into ``ModelStreamEvent``s and assembles the final response.
/// Tool-call deltas are grouped by their `index` (first-seen order when a server omits it).
struct OpenAIStreamAccumulator {
    private struct PartialCall {
        var wireIndex: Int
        var id: String
        var name: String
        var arguments: String
    }

    let provider: String
    private var model: String
    private var text = ""
    private var calls: [PartialCall] = []
    private var finishReason: String?
    private var usage = Usage(requests: 1)
    private var sawChunk = false
    /// Whether `data: [DONE]` arrived.
    private(set) var isDone = false

    init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }

    /// Consumes one SSE event (a JSON chunk or `[DONE]`) and returns the deltas it carried.
    mutating func consume(_ event: SSEEvent) throws -> [ModelStreamEvent] {
        if event.data == "[DONE]" {
            isDone = true
            return []
        }
        let chunk: JSONValue
        do {
            chunk = try JSONValue(parsing: event.data)
        } catch {
            throw ProviderError.invalidResponse(provider: provider, reason: "stream chunk is not JSON (\(error))",
                                                body: Array(event.data.utf8))
        }
        if let error = chunk["error"], !error.isNull { throw OpenAIChatModel.apiError(error, provider: provider) }
        sawChunk = true
        if let id = chunk["model"]?.stringValue, !id.isEmpty { model = id }
        if let u = chunk["usage"], !u.isNull { usage = OpenAIChatModel.usage(u) }
        guard let choice = chunk["choices"]?.arrayValue?.first else { return [] }
        if let reason = choice["finish_reason"]?.stringValue { finishReason = reason }
        guard let delta = choice["delta"] else { return [] }
        var events: [ModelStreamEvent] = []
        if let piece = OpenAIChatModel.contentText(delta["content"]), !piece.isEmpty {
            text += piece
            events.append(.textDelta(piece))
        }
        for (position, callDelta) in (delta["tool_calls"]?.arrayValue ?? []).enumerated() {
            events.append(applyToolCallDelta(callDelta, position: position))
        }
        return events
    }

    private mutating func applyToolCallDelta(_ delta: JSONValue, position: Int) -> ModelStreamEvent {
        let wireIndex = delta["index"]?.intValue ?? (calls.count > position ? calls[position].wireIndex : calls.count)
        let id = delta["id"]?.stringValue
        let name = delta["function"]?["name"]?.stringValue
        let arguments: String
        switch delta["function"]?["arguments"] {
        case .string(let s)?: arguments = s
        case .object(let o)?: arguments = JSONValue.object(o).jsonString
        default: arguments = ""
        }
        let slot: Int
        if let existing = calls.firstIndex(where: { $0.wireIndex == wireIndex }) {
            slot = existing
        } else {
            calls.append(PartialCall(wireIndex: wireIndex, id: "", name: "", arguments: ""))
            slot = calls.count - 1
        }
        if let id, !id.isEmpty { calls[slot].id = id }
        if let name, !name.isEmpty, calls[slot].name != name {
            // OpenAI sends the name once; tolerate servers that repeat it or split it.
            calls[slot].name += name
        }
        calls[slot].arguments += arguments
        return .toolCallDelta(index: slot, id: id, name: name, argumentsDelta: arguments)
    }

    /// The assembled response; throws when the stream ended without `[DONE]` or a finish reason.
    func finish() throws -> ModelResponse {
        guard isDone || finishReason != nil else {
            throw ProviderError.invalidResponse(provider: provider,
                                                reason: sawChunk ? "stream ended before `[DONE]`" : "empty stream")
        }
        var parts: [Part] = text.isEmpty ? [] : [.text(text)]
        for (i, call) in calls.enumerated() {
            parts.append(.toolCall(ToolCall(id: call.id.isEmpty ? "call_\(i)" : call.id, name: call.name,
                                            argumentsText: call.arguments)))
        }
        return ModelResponse(message: Message(role: .assistant, parts: parts),
                             finishReason: OpenAIChatModel.finishReason(finishReason, hasToolCalls: !calls.isEmpty),
                             usage: usage, model: model)
    }
}
