import AviaryCore
import AviaryModels
import Testing

/// Golden wire tests: encode → fixture and fixture → decode, through an in-memory transport.
@Suite struct OpenAIChatModelWireTests {
    static let weatherTool = ToolSpec(
        name: "get_weather", description: "Current weather for a city.",
        parameters: ["type": "object", "properties": ["city": ["type": "string", "description": "City name"]],
                     "required": ["city"]])

    static let conversation: [Message] = [
        .system("You are a weather assistant."),
        .user("Weather in Paris and Oslo?"),
        Message(role: .assistant, parts: [
            .toolCall(ToolCall(id: "call_abc", name: "get_weather", arguments: ["city": "Paris"])),
            .toolCall(ToolCall(id: "call_def", name: "get_weather", arguments: ["city": "Oslo"])),
        ]),
        Message(role: .tool, parts: [
            .toolResult(ToolResult(callID: "call_abc", name: "get_weather", content: "18C, sunny")),
            .toolResult(ToolResult(callID: "call_def", name: "get_weather", content: "error: station offline",
                                   isError: true)),
        ]),
        .user("Thanks. Summarise."),
    ]

    private func model(_ transport: any HTTPTransport = StubTransport(), apiKey: String? = "sk-test",
                       baseURL: String = "https://api.openai.com/v1") -> OpenAIChatModel {
        OpenAIChatModel(configuration: .init(model: "gpt-4o-mini", baseURL: baseURL, apiKey: apiKey,
                                             extraHeaders: [("OpenAI-Organization", "org-1")], retryPolicy: .none),
                        transport: transport)
    }

    @Test func encodesConversationWithToolsAsFixture() throws {
        let request = ModelRequest(model: "gpt-4o-mini", messages: Self.conversation, tools: [Self.weatherTool],
                                   temperature: 0.2, maxTokens: 256)
        #expect(model().requestBody(for: request) == (try Fixture.json("openai-request-tools.json")))
    }

    @Test func encodesJSONSchemaStreamingRequestAsFixture() throws {
        let schema: JSONValue = ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"],
                                 "additionalProperties": false]
        let request = ModelRequest(model: "", messages: [.user("Extract the city.")],
                                   responseFormat: .jsonSchema(name: "city_answer", schema: schema))
        #expect(model().requestBody(for: request, stream: true)
            == (try Fixture.json("openai-request-json-schema-stream.json")))
    }

    @Test func strictModeOnlyForClosedSchemasUnlessForced() {
        let open: JSONValue = ["type": "object", "properties": ["city": ["type": "string"]]]
        let request = ModelRequest(model: "m", messages: [.user("x")], responseFormat: .jsonSchema(name: "a b", schema: open))
        let body = model().requestBody(for: request)
        #expect(body["response_format"]?["json_schema"]?["strict"] == false)
        #expect(body["response_format"]?["json_schema"]?["name"] == "a_b")
        let forced = OpenAIChatModel(configuration: .init(model: "m", apiKey: "k", strictJSONSchema: true),
                                     transport: StubTransport())
        #expect(forced.requestBody(for: request)["response_format"]?["json_schema"]?["strict"] == true)
        let json = ModelRequest(model: "m", messages: [.user("x")], responseFormat: .jsonObject)
        #expect(model().requestBody(for: json)["response_format"] == ["type": "json_object"])
    }

    @Test func encodesToolChoiceVariantsAndOmitsToolFieldsWithoutTools() {
        func body(_ choice: ModelRequest.ToolChoice, parallel: Bool = true, tools: [ToolSpec] = [Self.weatherTool]) -> JSONValue {
            model().requestBody(for: ModelRequest(model: "m", messages: [.user("x")], tools: tools, toolChoice: choice,
                                                  parallelToolCalls: parallel))
        }
        #expect(body(.required)["tool_choice"] == "required")
        #expect(body(.none)["tool_choice"] == "none")
        #expect(body(.tool("get_weather"))["tool_choice"] == ["type": "function", "function": ["name": "get_weather"]])
        #expect(body(.auto, parallel: false)["parallel_tool_calls"] == false)
        let bare = body(.auto, tools: [])
        #expect(bare["tools"] == nil && bare["tool_choice"] == nil && bare["parallel_tool_calls"] == nil)
        #expect(bare["temperature"] == nil && bare["max_tokens"] == nil && bare["stream"] == nil)
    }

    @Test func maxTokensKeyAndStreamUsageAreConfigurable() {
        let reasoning = OpenAIChatModel(configuration: .init(model: "o3-mini", apiKey: "k",
                                                             maxTokensKey: "max_completion_tokens",
                                                             includeStreamUsage: false),
                                        transport: StubTransport())
        let body = reasoning.requestBody(for: ModelRequest(model: "", messages: [.user("x")], maxTokens: 99), stream: true)
        #expect(body["max_completion_tokens"] == 99 && body["max_tokens"] == nil)
        #expect(body["stream"] == true && body["stream_options"] == nil)
    }

    @Test func decodesTextResponseFixture() async throws {
        let transport = StubTransport(body: try Fixture.bytes("openai-response-text.json"))
        let response = try await model(transport, baseURL: "https://example.test/v1/").respond(
            to: ModelRequest(model: "gpt-4o-mini", messages: [.user("Hi")]))
        #expect(response.message == .assistant("Hello! How can I assist you today?"))
        #expect(response.finishReason == .stop)
        #expect(response.usage == Usage(inputTokens: 19, outputTokens: 10, requests: 1))
        #expect(response.model == "gpt-4o-mini-2024-07-18")
        let sent = try #require(transport.requests.first)
        #expect(sent.url == "https://example.test/v1/chat/completions")
        #expect(sent.method == "POST")
        #expect(sent.header("Authorization") == "Bearer sk-test")
        #expect(sent.header("content-type") == "application/json")
        #expect(sent.header("openai-organization") == "org-1")
    }

    @Test func decodesParallelToolCallsFixtureKeepingInvalidArguments() async throws {
        let transport = StubTransport(body: try Fixture.bytes("openai-response-tool-calls.json"))
        let response = try await model(transport).respond(to: ModelRequest(model: "m", messages: [.user("x")]))
        #expect(response.finishReason == .toolCalls)
        let calls = response.message.toolCalls
        #expect(calls.count == 2)
        #expect(calls[0] == ToolCall(id: "call_abc", name: "get_weather", arguments: ["city": "Paris"]))
        #expect(calls[1].id == "call_def")
        #expect(calls[1].invalidArguments == "{\"city\": \"Oslo\"")
        #expect(response.message.text.isEmpty)
        #expect(response.usage.totalTokens == 99)
    }

    @Test func decodesStreamFixtureInSmallChunks() async throws {
        let transport = StubTransport(body: try Fixture.bytes("openai-stream-tool-calls.sse"), chunkSize: 5)
        var text = ""
        var deltas: [Int: String] = [:]
        var completed: ModelResponse?
        for try await event in model(transport).stream(ModelRequest(model: "m", messages: [.user("x")])) {
            switch event {
            case .textDelta(let piece): text += piece
            case .toolCallDelta(let index, _, _, let arguments): deltas[index, default: ""] += arguments
            case .completed(let response): completed = response
            }
        }
        let response = try #require(completed)
        #expect(text == "Checking both ☀️.")
        #expect(deltas == [0: "{\"city\": \"Paris\"}", 1: "{\"city\": \"Oslo\"}"])
        #expect(response.message.text == text)
        #expect(response.message.toolCalls == [
            ToolCall(id: "call_abc", name: "get_weather", arguments: ["city": "Paris"]),
            ToolCall(id: "call_def", name: "get_weather", arguments: ["city": "Oslo"]),
        ])
        #expect(response.finishReason == .toolCalls)
        #expect(response.usage == Usage(inputTokens: 82, outputTokens: 30, requests: 1))
        #expect(response.model == "gpt-4o-mini-2024-07-18")
        let sent = try #require(transport.lastBody)
        #expect(sent["stream"] == true && sent["stream_options"] == ["include_usage": true])
        #expect(transport.requests.first?.header("accept") == "text/event-stream")
    }

    @Test func missingAPIKeyFailsBeforeSendingAndOllamaNeedsNone() async throws {
        let transport = StubTransport(body: try Fixture.bytes("openai-response-text.json"))
        let error = await #expect(throws: ProviderError.self) {
            _ = try await model(transport, apiKey: nil).respond(to: ModelRequest(model: "m", messages: [.user("x")]))
        }
        #expect(error?.kind == .missingAPIKey)
        #expect(error?.message.hasPrefix("OPENAI_API_KEY is not set") == true)
        #expect(transport.requests.isEmpty)
        let ollama = OpenAIChatModel(configuration: .ollama(model: "llama3.2"), transport: transport)
        #expect(ollama.name == "ollama/llama3.2")
        _ = try await ollama.respond(to: ModelRequest(model: "", messages: [.user("x")]))
        #expect(transport.requests.first?.header("authorization") == nil)
        #expect(transport.lastBody?["model"] == "llama3.2")
        #expect(transport.requests.first?.url == "http://127.0.0.1:11434/v1/chat/completions")
    }

    @Test func rejectsBodiesThatAreNotCompletions() async throws {
        let cases: [(String, String)] = [
            ("{\"object\":\"chat.completion\"}", "missing `choices` array"),
            ("{\"choices\":[]}", "missing `choices[0].message`"),
            ("{\"choices\":[{\"message\":{\"tool_calls\":[{\"id\":\"c\"}]}}]}", "`tool_calls[0]` has no `function.name`"),
        ]
        for (body, reason) in cases {
            let error = await #expect(throws: ProviderError.self) {
                _ = try await model(StubTransport(body: Array(body.utf8))).respond(
                    to: ModelRequest(model: "m", messages: [.user("x")]))
            }
            #expect(error?.kind == .invalidResponse)
            #expect(error?.message == "invalid response: \(reason)")
        }
    }
}
