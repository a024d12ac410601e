import AviaryCore

extension OpenAIChatModel {
    /// Encodes a request as a Chat Completions body, written straight to bytes (no ``JSONValue``
    /// tree first: the body is rebuilt for every call of a run, history included).
    static func encodeRequest(_ request: ModelRequest, model: String, stream: Bool,
                              configuration: Configuration) -> [UInt8] {
        var json = JSONStreamWriter(capacity: 1024)
        json.object { body in
            body.key("model"); body.string(model)
            body.key("messages"); body.array { encodeMessages(request.messages, into: &$0) }
            if !request.tools.isEmpty {
                body.key("tools")
                body.array { tools in
                    for tool in request.tools {
                        tools.object { t in
                            t.key("type"); t.string("function")
                            t.key("function")
                            t.object { f in
                                f.key("name"); f.string(tool.name)
                                f.key("description"); f.string(tool.description)
                                f.key("parameters"); f.value(tool.parameters)
                            }
                        }
                    }
                }
                body.key("tool_choice")
                switch request.toolChoice {
                case .auto: body.string("auto")
                case .none: body.string("none")
                case .required: body.string("required")
                case .tool(let name): body.value(["type": "function", "function": ["name": .string(name)]])
                }
                body.key("parallel_tool_calls"); body.bool(request.parallelToolCalls)
            }
            switch request.responseFormat {
            case .text: break
            case .jsonObject: body.key("response_format"); body.value(["type": "json_object"])
            case .jsonSchema(_, let schema) where configuration.jsonSchemaStyle == .schemaInJSONObject:
                body.key("response_format"); body.value(["type": "json_object", "schema": schema])
            case .jsonSchema(let name, let schema):
                let strict = configuration.strictJSONSchema ?? WireSchema.isStrictCompatible(schema)
                body.key("response_format")
                body.value(["type": "json_schema", "json_schema": ["name": .string(WireSchema.sanitizedName(name)),
                                                                   "schema": schema, "strict": .bool(strict)]])
            }
            if let temperature = request.temperature { body.key("temperature"); body.number(temperature) }
            if let maxTokens = request.maxTokens { body.key(configuration.maxTokensKey); body.number(Double(maxTokens)) }
            if stream {
                body.key("stream"); body.bool(true)
                if configuration.includeStreamUsage { body.key("stream_options"); body.value(["include_usage": true]) }
            }
        }
        return json.bytes
    }

    /// Writes messages as array elements: tool results become one `tool` message each; assistant
    /// tool calls carry their arguments as JSON text.
    static func encodeMessages(_ messages: [Message], into json: inout JSONStreamWriter) {
        for message in messages {
            var text = ""
            var hasCalls = false
            for part in message.parts {
                switch part {
                case .text(let t): text += t
                case .json(let value): text += value.jsonString
                case .toolCall: hasCalls = true
                case .toolResult(let result):
                    json.object { m in
                        m.key("role"); m.string("tool")
                        m.key("tool_call_id"); m.string(result.callID)
                        m.key("content"); m.string(result.content)
                    }
                }
            }
            switch message.role {
            case .assistant:
                json.object { m in
                    m.key("role"); m.string("assistant")
                    m.key("content"); m.string(text.isEmpty && hasCalls ? nil : text)
                    guard hasCalls else { return }
                    m.key("tool_calls")
                    m.array { calls in
                        for case .toolCall(let call) in message.parts {
                            calls.object { c in
                                c.key("id"); c.string(call.id)
                                c.key("type"); c.string("function")
                                c.key("function")
                                c.object { f in
                                    f.key("name"); f.string(call.name)
                                    f.key("arguments"); f.string(call.invalidArguments ?? call.arguments.jsonString)
                                }
                            }
                        }
                    }
                }
            case .tool:
                if !text.isEmpty, message.toolResults.isEmpty { userOrSystem("user", text, into: &json) }
            case .system, .user:
                if !text.isEmpty || message.toolResults.isEmpty { userOrSystem(message.role.rawValue, text, into: &json) }
            }
        }
    }

    private static func userOrSystem(_ role: String, _ text: String, into json: inout JSONStreamWriter) {
        json.object { m in
            m.key("role"); m.string(role)
            m.key("content"); m.string(text)
        }
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
