import AviaryCore

extension OpenAIChatModel {
    /// Encodes a request as a Chat Completions body.
    static func encodeRequest(_ request: ModelRequest, model: String, stream: Bool,
                              configuration: Configuration) -> JSONValue {
        var body: [String: JSONValue] = ["model": .string(model), "messages": .array(encodeMessages(request.messages))]
        if !request.tools.isEmpty {
            body["tools"] = .array(request.tools.map { tool in
                ["type": "function",
                 "function": ["name": .string(tool.name), "description": .string(tool.description),
                              "parameters": tool.parameters]]
            })
            body["tool_choice"] = switch request.toolChoice {
            case .auto: "auto"
            case .none: "none"
            case .required: "required"
            case .tool(let name): ["type": "function", "function": ["name": .string(name)]]
            }
            body["parallel_tool_calls"] = .bool(request.parallelToolCalls)
        }
        switch request.responseFormat {
        case .text: break
        case .jsonObject: body["response_format"] = ["type": "json_object"]
        case .jsonSchema(_, let schema) where configuration.jsonSchemaStyle == .schemaInJSONObject:
            body["response_format"] = ["type": "json_object", "schema": schema]
        case .jsonSchema(let name, let schema):
            let strict = configuration.strictJSONSchema ?? WireSchema.isStrictCompatible(schema)
            body["response_format"] = ["type": "json_schema",
                                       "json_schema": ["name": .string(WireSchema.sanitizedName(name)),
                                                       "schema": schema, "strict": .bool(strict)]]
        }
        if let temperature = request.temperature { body["temperature"] = .number(temperature) }
        if let maxTokens = request.maxTokens { body[configuration.maxTokensKey] = .number(Double(maxTokens)) }
        if stream {
            body["stream"] = true
            if configuration.includeStreamUsage { body["stream_options"] = ["include_usage": true] }
        }
        return .object(body)
    }

    /// Encodes messages: tool results become one `tool` message each; assistant tool calls carry
    /// their arguments as JSON text.
    static func encodeMessages(_ messages: [Message]) -> [JSONValue] {
        var out: [JSONValue] = []
        out.reserveCapacity(messages.count)
        for message in messages {
            var text = ""
            var calls: [JSONValue] = []
            for part in message.parts {
                switch part {
                case .text(let t): text += t
                case .json(let value): text += value.jsonString
                case .toolCall(let call):
                    calls.append(["id": .string(call.id), "type": "function",
                                  "function": ["name": .string(call.name),
                                               "arguments": .string(call.invalidArguments ?? call.arguments.jsonString)]])
                case .toolResult(let result):
                    out.append(["role": "tool", "tool_call_id": .string(result.callID), "content": .string(result.content)])
                }
            }
            switch message.role {
            case .assistant:
                var object: [String: JSONValue] = ["role": "assistant"]
                object["content"] = text.isEmpty && !calls.isEmpty ? .null : .string(text)
                if !calls.isEmpty { object["tool_calls"] = .array(calls) }
                out.append(.object(object))
            case .tool:
                if !text.isEmpty, message.toolResults.isEmpty { out.append(["role": "user", "content": .string(text)]) }
            case .system, .user:
                if !text.isEmpty || message.toolResults.isEmpty {
                    out.append(["role": .string(message.role.rawValue), "content": .string(text)])
                }
            }
        }
        return out
    }

    /// Decodes a Chat Completions response body.
    static func decodeResponse(_ json: JSONValue, provider: String, fallbackModel: String) throws -> ModelResponse {
        if let error = json["error"], !error.isNull { throw apiError(error, provider: provider) }
        guard let choices = json["choices"]?.arrayValue else {
            throw ProviderError.invalidResponse(provider: provider, reason: "missing `choices` array")
        }
        guard let choice = choices.first, let message = choice["message"], message.objectValue != nil else {
            throw ProviderError.invalidResponse(provider: provider, reason: "missing `choices[0].message`")
        }
        var parts: [Part] = []
        let text = contentText(message["content"]) ?? message["refusal"]?.stringValue ?? ""
        if !text.isEmpty { parts.append(.text(text)) }
        for (i, call) in (message["tool_calls"]?.arrayValue ?? []).enumerated() {
            guard let function = call["function"], let name = function["name"]?.stringValue else {
                throw ProviderError.invalidResponse(provider: provider,
                                                    reason: "`tool_calls[\(i)]` has no `function.name`")
            }
            let id = call["id"]?.stringValue ?? "call_\(i)"
            switch function["arguments"] {
            case .string(let arguments)?: parts.append(.toolCall(ToolCall(id: id, name: name, argumentsText: arguments)))
            case .object(let object)?: parts.append(.toolCall(ToolCall(id: id, name: name, arguments: .object(object))))
            default: parts.append(.toolCall(ToolCall(id: id, name: name, argumentsText: "")))
            }
        }
        let hasCalls = parts.contains { if case .toolCall = $0 { true } else { false } }
        return ModelResponse(message: Message(role: .assistant, parts: parts),
                             finishReason: finishReason(choice["finish_reason"]?.stringValue, hasToolCalls: hasCalls),
                             usage: usage(json["usage"]),
                             model: json["model"]?.stringValue ?? fallbackModel)
    }

    /// Text from `content` given as a string or as an array of `{type: text, text}` parts.
    static func contentText(_ content: JSONValue?) -> String? {
        switch content {
        case .string(let s)?: return s
        case .array(let parts)?: return parts.compactMap { $0["text"]?.stringValue }.joined()
        default: return nil
        }
    }

    /// Maps `finish_reason`; a `stop` that carries tool calls (some compatible servers) counts as tool calls.
    static func finishReason(_ reason: String?, hasToolCalls: Bool) -> ModelResponse.FinishReason {
        switch reason {
        case "stop", nil: return hasToolCalls ? .toolCalls : .stop
        case "tool_calls", "function_call": return .toolCalls
        case "length": return .length
        case "content_filter": return .contentFilter
        default: return .other
        }
    }

    /// Usage from `prompt_tokens` / `completion_tokens` (one request).
    static func usage(_ json: JSONValue?) -> Usage {
        Usage(inputTokens: json?["prompt_tokens"]?.intValue ?? 0,
              outputTokens: json?["completion_tokens"]?.intValue ?? 0, requests: 1)
    }

    /// A ``ProviderError`` for an `error` object found in a 2xx body or stream.
    static func apiError(_ error: JSONValue, provider: String) -> ProviderError {
        let message = error["message"]?.stringValue ?? error.stringValue ?? error.jsonString
        let type = error["type"]?.stringValue ?? error["code"]?.stringValue ?? "error"
        let status = error["code"]?.intValue ?? error["status"]?.intValue
        return ProviderError.apiError(provider: provider, type: type, message: message, status: status)
    }
}
