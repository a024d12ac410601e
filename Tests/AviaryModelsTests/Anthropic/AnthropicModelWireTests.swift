import AviaryCore
import AviaryModels
import Testing

/// Golden wire tests for the Messages API: encode → fixture, fixture → decode (JSON and SSE).
@Suite struct AnthropicModelWireTests {
    private func model(_ transport: any HTTPTransport = StubTransport(), apiKey: String? = "sk-ant-test")
        -> AnthropicModel {
        AnthropicModel(configuration: .init(model: "claude-sonnet-4-5", apiKey: apiKey, retryPolicy: .none),
                       transport: transport)
    }

    @Test func encodesConversationWithToolsAsFixture() throws {
        let messages: [Message] = [
            .system("You are a weather assistant."),
            .user("Weather in Paris and Oslo?"),
            Message(role: .assistant, parts: [
                .text("Let me check both."),
                .toolCall(ToolCall(id: "toolu_01A", name: "get_weather", arguments: ["city": "Paris"])),
                .toolCall(ToolCall(id: "toolu_01B", name: "get_weather", arguments: ["city": "Oslo"])),
            ]),
            Message(role: .tool, parts: [.toolResult(ToolResult(callID: "toolu_01A", name: "get_weather",
                                                                 content: "18C, sunny"))]),
            Message(role: .tool, parts: [.toolResult(ToolResult(callID: "toolu_01B", name: "get_weather",
                                                                 content: "station offline", isError: true))]),
            .user("Thanks. Summarise."),
        ]
        let request = ModelRequest(model: "claude-sonnet-4-5", messages: messages,
                                   tools: [OpenAIChatModelWireTests.weatherTool], toolChoice: .required,
                                   temperature: 0.2, maxTokens: 1024, parallelToolCalls: false)
        #expect(model().requestBody(for: request) == (try Fixture.json("anthropic-request-tools.json")))
    }

    @Test func emulatesJSONSchemaWithAForcedToolAsFixture() throws {
        let schema: JSONValue = ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"],
                                 "additionalProperties": false]
        let request = ModelRequest(model: "", messages: [.user("Extract the city.")],
                                   responseFormat: .jsonSchema(name: "city_answer", schema: schema))
        #expect(model().requestBody(for: request, stream: true)
            == (try Fixture.json("anthropic-request-json-schema.json")))
    }

    @Test func wrapsNonObjectSchemasAndLetsRealToolsRunFirst() throws {
        let list: JSONValue = ["type": "array", "items": ["type": "string"]]
        let request = ModelRequest(model: "m", messages: [.user("x")], tools: [OpenAIChatModelWireTests.weatherTool],
                                   responseFormat: .jsonSchema(name: "cities", schema: list))
        let body = model().requestBody(for: request)
        #expect(body["tool_choice"] == ["type": "any"])
        let tools = try #require(body["tools"]?.arrayValue)
        #expect(tools.map { $0["name"] } == ["get_weather", "cities"])
        #expect(tools[1]["input_schema"] == ["type": "object", "properties": ["value": list], "required": ["value"]])
        let plain = model().requestBody(for: ModelRequest(model: "m", messages: [.user("x")]))
        #expect(plain["tools"] == nil && plain["tool_choice"] == nil && plain["system"] == nil)
        #expect(plain["max_tokens"] == 4096)
    }

    @Test func decodesTextResponseFixtureWithCacheTokens() async throws {
        let transport = StubTransport(body: try Fixture.bytes("anthropic-response-text.json"))
        let response = try await model(transport).respond(to: ModelRequest(model: "", messages: [.user("Hi")]))
        #expect(response.message == .assistant("Hi! My name is Claude."))
        #expect(response.finishReason == .stop)
        #expect(response.usage == Usage(inputTokens: 2195, outputTokens: 503, requests: 1))
        #expect(response.model == "claude-sonnet-4-5-20250929")
        let sent = try #require(transport.requests.first)
        #expect(sent.url == "https://api.anthropic.com/v1/messages")
        #expect(sent.header("x-api-key") == "sk-ant-test")
        #expect(sent.header("anthropic-version") == "2023-06-01")
        #expect(sent.header("authorization") == nil)
    }

    @Test func decodesToolUseResponseFixture() async throws {
        let transport = StubTransport(body: try Fixture.bytes("anthropic-response-tool-use.json"))
        let response = try await model(transport).respond(to: ModelRequest(model: "m", messages: [.user("x")]))
        #expect(response.finishReason == .toolCalls)
        #expect(response.message.text == "I'll check the weather in both cities.")
        #expect(response.message.toolCalls == [
            ToolCall(id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather", arguments: ["city": "Paris"]),
            ToolCall(id: "toolu_01B", name: "get_weather", arguments: ["city": "Oslo", "unit": "celsius"]),
        ])
        #expect(response.usage == Usage(inputTokens: 472, outputTokens: 89, requests: 1))
    }

    @Test func decodesToolUseStreamFixtureInSmallChunks() async throws {
        let transport = StubTransport(body: try Fixture.bytes("anthropic-stream-tool-use.sse"), chunkSize: 3)
        let collected = try await CollectedStream.collect(model(transport).stream(
            ModelRequest(model: "m", messages: [.user("x")])))
        #expect(collected.text == "Okay, let's check the weather.")
        #expect(collected.toolIDs == [0: "toolu_01T1x1fJ34qAmk2tNTrN7Up6"])
        #expect(collected.toolArguments == [0: "{\"location\": \"San Francisco, CA\", \"unit\": \"fahrenheit\"}"])
        let response = try #require(collected.completed)
        #expect(response.finishReason == .toolCalls)
        #expect(response.message.toolCalls == [ToolCall(id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", name: "get_weather",
                                                        arguments: ["location": "San Francisco, CA", "unit": "fahrenheit"])])
        #expect(response.usage == Usage(inputTokens: 472, outputTokens: 89, requests: 1))
        #expect(response.model == "claude-sonnet-4-5-20250929")
        #expect(transport.lastBody?["stream"] == true)
    }

    @Test func decodesCRLFTextStreamFixture() async throws {
        let transport = StubTransport(body: try Fixture.bytes("anthropic-stream-text-crlf.sse"), chunkSize: 1)
        let collected = try await CollectedStream.collect(model(transport).stream(
            ModelRequest(model: "m", messages: [.user("x")])))
        #expect(collected.text == "Hello wörld")
        #expect(collected.completed?.message == .assistant("Hello wörld"))
        #expect(collected.completed?.usage == Usage(inputTokens: 25, outputTokens: 15, requests: 1))
        #expect(collected.completed?.finishReason == .stop)
    }

    @Test func mapsStopReasons() async throws {
        for (wire, expected) in [("end_turn", ModelResponse.FinishReason.stop), ("max_tokens", .length),
                                 ("stop_sequence", .stop), ("refusal", .contentFilter), ("pause_turn", .other)] {
            let body = "{\"content\":[{\"type\":\"text\",\"text\":\"x\"}],\"stop_reason\":\"\(wire)\",\"usage\":{}}"
            let response = try await model(StubTransport(body: Array(body.utf8)))
                .respond(to: ModelRequest(model: "m", messages: [.user("x")]))
            #expect(response.finishReason == expected, "\(wire)")
        }
    }

    @Test func structuredOutputToolInputBecomesText() async throws {
        let body = """
            {"content":[{"type":"tool_use","id":"toolu_9","name":"cities","input":{"value":["Paris","Oslo"]}}],
             "stop_reason":"tool_use","usage":{"input_tokens":5,"output_tokens":6}}
            """
        let request = ModelRequest(model: "m", messages: [.user("x")],
                                   responseFormat: .jsonSchema(name: "cities", schema: ["type": "array"]))
        let response = try await model(StubTransport(body: Array(body.utf8))).respond(to: request)
        #expect(response.message == .assistant("[\"Paris\",\"Oslo\"]"))
        #expect(response.finishReason == .stop)
    }

    @Test func missingKeyNamesAnthropicVariable() async throws {
        let error = await #expect(throws: ProviderError.self) {
            _ = try await model(apiKey: nil).respond(to: ModelRequest(model: "m", messages: [.user("x")]))
        }
        #expect(error?.message
            == "ANTHROPIC_API_KEY is not set: export ANTHROPIC_API_KEY=… or set providers.anthropic.api_key in aviary.yaml")
    }
}
