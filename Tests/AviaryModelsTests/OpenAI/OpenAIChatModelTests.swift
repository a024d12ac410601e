import AviaryCore
import AviaryModels
import AviaryTesting
import Testing

/// End-to-end tests against ``FakeOpenAIServer`` over real HTTP on 127.0.0.1.
@Suite struct OpenAIChatModelTests {
    private func withModel(
        _ replies: [FakeReply], retry: RetryPolicy = SleepRecorder().policy(), apiKey: String? = "sk-test",
        _ body: (OpenAIChatModel, FakeOpenAIServer) async throws -> Void
    ) async throws {
        try await withFakeOpenAIServer(replies: replies) { server in
            try await AsyncHTTPTransport.withTransport(timeout: .seconds(30)) { transport in
                let model = OpenAIChatModel(
                    configuration: .init(model: "gpt-4o-mini", baseURL: server.baseURL, apiKey: apiKey,
                                         retryPolicy: retry),
                    transport: transport)
                try await body(model, server)
            }
        }
    }

    private let request = ModelRequest(model: "gpt-4o-mini", messages: [.system("Be brief."), .user("Hi")])

    @Test func answersText() async throws {
        try await withModel([.text("Hello there", usage: FakeUsage(input: 12, output: 3))]) { model, server in
            let response = try await model.respond(to: request)
            #expect(response.message == .assistant("Hello there"))
            #expect(response.finishReason == .stop)
            #expect(response.usage == Usage(inputTokens: 12, outputTokens: 3, requests: 1))
            #expect(response.model == "gpt-4o-mini")
            #expect(server.requestBodies == [[
                "model": "gpt-4o-mini",
                "messages": [["role": "system", "content": "Be brief."], ["role": "user", "content": "Hi"]],
            ]])
            #expect(server.requests.first?.headers["authorization"] == "Bearer sk-test")
            #expect(server.failures.isEmpty)
        }
    }

    @Test func returnsParallelToolCalls() async throws {
        let calls = [FakeToolCall(id: "call_1", name: "get_weather", arguments: "{\"city\":\"Paris\"}"),
                     FakeToolCall(id: "call_2", name: "get_time", arguments: "{\"zone\":\"CET\"}")]
        try await withModel([.toolCalls(calls)]) { model, server in
            let tools = [ToolSpec(name: "get_weather", description: "w"), ToolSpec(name: "get_time", description: "t")]
            let response = try await model.respond(to: ModelRequest(model: "gpt-4o-mini", messages: [.user("?")],
                                                                    tools: tools))
            #expect(response.finishReason == .toolCalls)
            #expect(response.message.toolCalls == [
                ToolCall(id: "call_1", name: "get_weather", arguments: ["city": "Paris"]),
                ToolCall(id: "call_2", name: "get_time", arguments: ["zone": "CET"]),
            ])
            let sent = try #require(server.requestBodies.first)
            #expect(sent["tools"]?.arrayValue?.count == 2)
            #expect(sent["tool_choice"] == "auto")
            #expect(sent["parallel_tool_calls"] == true)
        }
    }

    @Test func sendsJSONSchemaResponseFormat() async throws {
        let schema: JSONValue = ["type": "object", "properties": ["n": ["type": "integer"]], "required": ["n"],
                                 "additionalProperties": false]
        try await withModel([.text("{\"n\":3}")]) { model, server in
            let response = try await model.respond(to: ModelRequest(
                model: "gpt-4o-mini", messages: [.user("count")], responseFormat: .jsonSchema(name: "count", schema: schema)))
            #expect(response.message.text == "{\"n\":3}")
            #expect(server.requestBodies.first?["response_format"] == [
                "type": "json_schema", "json_schema": ["name": "count", "schema": schema, "strict": true],
            ])
        }
    }

    @Test func streamsText() async throws {
        try await withModel([.text("Streaming works fine.")]) { model, server in
            let collected = try await CollectedStream.collect(model.stream(request))
            #expect(collected.text == "Streaming works fine.")
            #expect(collected.events > 3)
            let response = try #require(collected.completed)
            #expect(response.message == .assistant("Streaming works fine."))
            #expect(response.usage == Usage(inputTokens: 10, outputTokens: 5, requests: 1))
            #expect(server.requestBodies.first?["stream_options"] == ["include_usage": true])
        }
    }

    @Test func streamsToolCallDeltasAssembledByIndex() async throws {
        let calls = [FakeToolCall(id: "call_a", name: "search", arguments: "{\"query\":\"swift concurrency\"}"),
                     FakeToolCall(id: "call_b", name: "lookup", arguments: "{\"id\":42}")]
        try await withModel([.toolCalls(calls, text: "Let me look.")]) { model, _ in
            let collected = try await CollectedStream.collect(model.stream(request))
            #expect(collected.text == "Let me look.")
            #expect(collected.toolNames == [0: "search", 1: "lookup"])
            #expect(collected.toolIDs == [0: "call_a", 1: "call_b"])
            #expect(collected.toolArguments == [0: "{\"query\":\"swift concurrency\"}", 1: "{\"id\":42}"])
            let response = try #require(collected.completed)
            #expect(response.finishReason == .toolCalls)
            #expect(response.message.toolCalls.map(\.arguments) == [["query": "swift concurrency"], ["id": 42]])
        }
    }

    @Test func abandoningAStreamEarlyLeavesTheModelUsable() async throws {
        try await withModel([.text("a long answer that we stop reading"), .text("next")]) { model, server in
            for try await event in model.stream(request) {
                if case .textDelta = event { break }
            }
            let response = try await model.respond(to: request)
            #expect(response.message.text == "next")
            #expect(server.requests.count == 2)
        }
    }

    @Test func retries500ThenFailsWithTypedError() async throws {
        let sleeps = SleepRecorder()
        let failure = FakeReply.error(status: 500, body: "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")
        try await withModel([failure, failure, failure], retry: sleeps.policy()) { model, server in
            let error = await #expect(throws: ProviderError.self) { _ = try await model.respond(to: request) }
            #expect(error?.kind == .http)
            #expect(error?.status == 500)
            #expect(error?.message == "HTTP 500: boom")
            #expect(server.requests.count == 3)
            #expect(sleeps.recorded.count == 2)
            #expect(server.failures.isEmpty)
        }
    }

    @Test func retries429HonouringRetryAfterThenSucceeds() async throws {
        let sleeps = SleepRecorder()
        try await withModel([.error(status: 429, body: "{}", retryAfter: "2"), .text("ok")], retry: sleeps.policy()) { model, _ in
            let response = try await model.respond(to: request)
            #expect(response.message.text == "ok")
            #expect(sleeps.recorded == [.seconds(2)])
        }
    }

    @Test func retriesStreamsBeforeTheFirstByte() async throws {
        let sleeps = SleepRecorder()
        try await withModel([.error(status: 503, body: "busy"), .text("after retry")], retry: sleeps.policy()) { model, server in
            let collected = try await CollectedStream.collect(model.stream(request))
            #expect(collected.text == "after retry")
            #expect(server.requests.count == 2)
        }
    }

    @Test func garbageBodyIsAnInvalidResponse() async throws {
        try await withModel([.garbage("<html>oops</html>"), .garbage("data: {not json\n\n")]) { model, _ in
            let error = await #expect(throws: ProviderError.self) { _ = try await model.respond(to: request) }
            #expect(error?.kind == .invalidResponse)
            #expect(error?.message.contains("body is not JSON") == true)
            #expect(error?.body == "<html>oops</html>")
            let streamError = await #expect(throws: ProviderError.self) {
                _ = try await CollectedStream.collect(model.stream(request))
            }
            #expect(streamError?.kind == .invalidResponse)
            #expect(streamError?.message.contains("stream chunk is not JSON") == true)
        }
    }

    @Test func unauthorizedIsAnAuthenticationError() async throws {
        let body = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"
        try await withModel([.error(status: 401, body: body)], apiKey: "sk-wrong") { model, server in
            let error = await #expect(throws: ProviderError.self) { _ = try await model.respond(to: request) }
            #expect(error?.kind == .authentication)
            #expect(error?.description == "openai: the API key for openai was rejected (HTTP 401) — check OPENAI_API_KEY")
            #expect(server.requests.count == 1)
        }
    }

    @Test func inBandStreamErrorIsReported() async throws {
        try await withModel([.streamError(type: "server_error", message: "model crashed")]) { model, _ in
            let error = await #expect(throws: ProviderError.self) {
                _ = try await CollectedStream.collect(model.stream(request))
            }
            #expect(error?.kind == .apiError)
            #expect(error?.message == "server_error: model crashed")
        }
    }

    @Test func unexpectedExtraRequestIsRecordedAsAFailure() async throws {
        try await withModel([.text("only one")], retry: .none) { model, server in
            _ = try await model.respond(to: request)
            let error = await #expect(throws: ProviderError.self) { _ = try await model.respond(to: request) }
            #expect(error?.status == 500)
            #expect(error?.message.contains("no scripted reply left") == true)
            #expect(server.failures.count == 1)
            #expect(server.requests.count == 2)
        }
    }
}
