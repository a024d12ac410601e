import AviaryCore

extension AnthropicModel {
    /// Encodes a request as a Messages API body.
    static func encodeRequest(_ request: ModelRequest, model: String, maxTokens: Int, stream: Bool) -> JSONValue {
        let (system, messages) = encodeMessages(request.messages)
        var body: [String: JSONValue] = [
            "model": .string(model), "messages": .array(messages),
            "max_tokens": .number(Double(request.maxTokens ?? maxTokens)),
        ]
        if !system.isEmpty { body["system"] = .string(system) }
        let outputTool = AnthropicOutputTool(request.responseFormat)
        var tools: [JSONValue] = request.tools.map { tool in
            ["name": .string(tool.name), "description": .string(tool.description), "input_schema": tool.parameters]
        }
        if let outputTool {
            let forceOutput = request.tools.isEmpty || request.toolChoice == .none
            if forceOutput { tools.removeAll() }
            tools.append(outputTool.definition)
            body["tool_choice"] = switch request.toolChoice {
            case .tool(let name) where !forceOutput: ["type": "tool", "name": .string(name)]
            case _ where forceOutput: ["type": "tool", "name": .string(outputTool.name)]
            default: ["type": "any"]
            }
        } else if !tools.isEmpty {
            body["tool_choice"] = switch request.toolChoice {
            case .auto: ["type": "auto"]
            case .required: ["type": "any"]
            case .none: ["type": "none"]
            case .tool(let name): ["type": "tool", "name": .string(name)]
            }
        }
        if !tools.isEmpty { body["tools"] = .array(tools) }
        if !request.parallelToolCalls, !tools.isEmpty, case .object(var choice)? = body["tool_choice"],
           choice["type"]?.stringValue != "none" {
            choice["disable_parallel_tool_use"] = true
            body["tool_choice"] = .object(choice)
        }
        if let temperature = request.temperature { body["temperature"] = .number(temperature) }
        if stream { body["stream"] = true }
        return .object(body)
    }

    /// Splits system text from the conversation and encodes turns as content blocks; consecutive
    /// turns of the same role (tool results and the user text after them) are merged into one.
    static func encodeMessages(_ messages: [Message]) -> (system: String, messages: [JSONValue]) {
        var system = ""
        var turns: [(role: String, blocks: [JSONValue])] = []
        for message in messages {
            if message.role == .system {
                let text = plainText(message.parts)
                if !text.isEmpty { system += system.isEmpty ? text : "\n\n" + text }
                continue
            }
            var results: [JSONValue] = []
            var blocks: [JSONValue] = []
            var text = ""
            for part in message.parts {
                switch part {
                case .text(let t): text += t
                case .json(let value): text += value.jsonString
                case .toolCall(let call):
                    if !text.isEmpty { blocks.append(["type": "text", "text": .string(text)]); text = "" }
                    blocks.append(["type": "tool_use", "id": .string(call.id), "name": .string(call.name),
                                   "input": call.arguments.objectValue != nil ? call.arguments : [:]])
                case .toolResult(let result):
                    var block: [String: JSONValue] = ["type": "tool_result", "tool_use_id": .string(result.callID),
                                                      "content": .string(result.content)]
                    if result.isError { block["is_error"] = true }
                    results.append(.object(block))
                }
            }
            if !text.isEmpty { blocks.append(["type": "text", "text": .string(text)]) }
            let role = message.role == .assistant && results.isEmpty ? "assistant" : "user"
            let content = results + blocks
            guard !content.isEmpty else { continue }
            if let last = turns.last, last.role == role {
                turns[turns.count - 1].blocks.append(contentsOf: content)
            } else {
                turns.append((role, content))
            }
        }
        return (system, turns.map { ["role": .string($0.role), "content": .array($0.blocks)] })
    }

    private static func plainText(_ parts: [Part]) -> String {
        var text = ""
        for part in parts {
            if case .text(let t) = part { text += t } else if case .json(let v) = part { text += v.jsonString }
        }
        return text
    }

    /// Decodes a Messages API response body.
    static func decodeResponse(_ json: JSONValue, provider: String, fallbackModel: String,
                               outputTool: AnthropicOutputTool?) throws -> ModelResponse {
        if json["type"]?.stringValue == "error" || json["error"]?.objectValue != nil {
            throw apiError(json["error"] ?? json, provider: provider)
        }
        guard let content = json["content"]?.arrayValue else {
            throw ProviderError.invalidResponse(provider: provider, reason: "missing `content` array")
        }
        var text = ""
        var calls: [Part] = []
        var answer: String?
        for (i, block) in content.enumerated() {
            switch block["type"]?.stringValue {
            case "text":
                text += block["text"]?.stringValue ?? ""
            case "tool_use":
                guard let id = block["id"]?.stringValue, let name = block["name"]?.stringValue else {
                    throw ProviderError.invalidResponse(provider: provider,
                                                        reason: "`content[\(i)]` tool_use block lacks `id` or `name`")
                }
                let input = block["input"] ?? [:]
                if let outputTool, name == outputTool.name {
                    answer = outputTool.answer(from: input).jsonString
                } else {
                    calls.append(.toolCall(ToolCall(id: id, name: name, arguments: input)))
                }
            default:
                continue
            }
        }
        if let answer { text = answer } // the structured answer replaces any preamble
        let parts: [Part] = (text.isEmpty ? [] : [.text(text)]) + calls
        return ModelResponse(message: Message(role: .assistant, parts: parts),
                             finishReason: stopReason(json["stop_reason"]?.stringValue,
                                                      answeredWithOutputTool: answer != nil && calls.isEmpty),
                             usage: usage(json["usage"]), model: json["model"]?.stringValue ?? fallbackModel)
    }

    /// Maps `stop_reason`: end_turn/stop_sequence → stop, tool_use → toolCalls, max_tokens → length.
    static func stopReason(_ reason: String?, answeredWithOutputTool: Bool) -> ModelResponse.FinishReason {
        if answeredWithOutputTool { return reason == "max_tokens" ? .length : .stop }
        switch reason {
        case "end_turn", "stop_sequence", nil: return .stop
        case "tool_use": return .toolCalls
        case "max_tokens", "model_context_window_exceeded": return .length
        case "refusal": return .contentFilter
        default: return .other
        }
    }

    /// Usage; input counts `input_tokens` plus cache creation and cache read tokens.
    static func usage(_ json: JSONValue?) -> Usage {
        let input = (json?["input_tokens"]?.intValue ?? 0) + (json?["cache_creation_input_tokens"]?.intValue ?? 0)
            + (json?["cache_read_input_tokens"]?.intValue ?? 0)
        return Usage(inputTokens: input, outputTokens: json?["output_tokens"]?.intValue ?? 0, requests: 1)
    }

    /// A ``ProviderError`` for an Anthropic `error` object; its type maps to the HTTP status it stands for.
    static func apiError(_ error: JSONValue, provider: String) -> ProviderError {
        let type = error["type"]?.stringValue ?? "error"
        let status: Int? = switch type {
        case "invalid_request_error": 400
        case "authentication_error": 401
        case "permission_error": 403
        case "not_found_error": 404
        case "request_too_large": 413
        case "rate_limit_error": 429
        case "api_error": 500
        case "overloaded_error": 529
        default: nil
        }
        return ProviderError.apiError(provider: provider, type: type,
                                      message: error["message"]?.stringValue ?? error.jsonString, status: status)
    }
}
