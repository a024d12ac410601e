import AviaryCore
import AviaryModels
import AviaryTesting
import Testing

/// End-to-end tests against ``FakeAnthropicServer`` over real HTTP on 127.0.0.1.
@Suite struct AnthropicModelTests {
    private func withModel(
        _ replies: [FakeReply], retry: RetryPolicy = SleepRecorder().policy(),
        _ body: (AnthropicModel, FakeAnthropicServer) async throws -> Void
    ) async throws {
        try await withFakeAnthropicServer(replies: replies) { server in
            try await AsyncHTTPTransport.withTransport(timeout: .seconds(30)) { transport in
                let model = AnthropicModel(
                    configuration: .init(model: "claude-haiku-4-5", baseURL: server.baseURL, apiKey: "sk-ant",
                                         retryPolicy: retry),
                    transport: transport)
                try await body(model, server)
            }
        }
    }

    private let request = ModelRequest(model: "", messages: [.system("Be brief."), .user("Hi")])

    @Test func answersText() async throws {
        try await withModel([.text("Hello from Claude", usage: FakeUsage(input: 20, output: 4))]) { model, server in
            let response = try await model.respond(to: request)
            #expect(response.message == .assistant("Hello from Claude"))
            #expect(response.usage == Usage(inputTokens: 20, outputTokens: 4, requests: 1))
            #expect(response.model == "claude-haiku-4-5")
            #expect(server.requestBodies == [[
                "model": "claude-haiku-4-5", "max_tokens": 4096, "system": "Be brief.",
                "messages": [["role": "user", "content": [["type": "text", "text": "Hi"]]]],
            ]])
            let headers = try #require(server.requests.first?.headers)
            #expect(headers["x-api-key"] == "sk-ant" && headers["anthropic-version"] == "2023-06-01")
        }
    }

    @Test func streamsTextAndParallelToolUse() async throws {
        let calls = [FakeToolCall(id: "toolu_1", name: "get_weather", arguments: "{\"city\":\"Paris\"}"),
                     FakeToolCall(id: "toolu_2", name: "get_weather", arguments: "{\"city\":\"Oslo\"}")]
        try await withModel([.toolCalls(calls, text: "Checking.")]) { model, _ in
            let collected = try await CollectedStream.collect(model.stream(request))
            #expect(collected.text == "Checking.")
            #expect(collected.toolIDs == [0: "toolu_1", 1: "toolu_2"])
            #expect(collected.toolArguments == [0: "{\"city\":\"Paris\"}", 1: "{\"city\":\"Oslo\"}"])
            let response = try #require(collected.completed)
            #expect(response.finishReason == .toolCalls)
            #expect(response.message.toolCalls.map(\.arguments) == [["city": "Paris"], ["city": "Oslo"]])
            #expect(response.usage == Usage(inputTokens: 10, outputTokens: 5, requests: 1))
        }
    }

    @Test func structuredOutputRoundTripsStreamedAndNot() async throws {
        let schema: JSONValue = ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]]
        let answer = FakeReply.toolCalls([FakeToolCall(id: "toolu_s", name: "city", arguments: "{\"city\":\"Oslo\"}")])
        try await withModel([answer, answer]) { model, server in
            let structured = ModelRequest(model: "", messages: [.user("x")],
                                          responseFormat: .jsonSchema(name: "city", schema: schema))
            let response = try await model.respond(to: structured)
            #expect(response.message == .assistant("{\"city\":\"Oslo\"}"))
            #expect(response.finishReason == .stop)
            let streamed = try await CollectedStream.collect(model.stream(structured))
            #expect(streamed.text == "{\"city\":\"Oslo\"}")
            #expect(streamed.toolArguments.isEmpty)
            #expect(streamed.completed?.message == .assistant("{\"city\":\"Oslo\"}"))
            #expect(server.requestBodies.first?["tool_choice"] == ["type": "tool", "name": "city"])
        }
    }

    @Test func retriesOverloadedThenSucceeds() async throws {
        let overloaded = FakeReply.error(status: 529, body: FakeAnthropicServer.errorBody("Overloaded", type: "overloaded_error"))
        let sleeps = SleepRecorder()
        try await withModel([overloaded, .text("ok")], retry: sleeps.policy()) { model, server in
            let response = try await model.respond(to: request)
            #expect(response.message.text == "ok")
            #expect(server.requests.count == 2)
            #expect(sleeps.recorded.count == 1)
        }
    }

    @Test func streamErrorEventIsARetryableAPIError() async throws {
        try await withModel([.streamError(type: "overloaded_error", message: "Overloaded")]) { model, _ in
            let error = await #expect(throws: ProviderError.self) {
                _ = try await CollectedStream.collect(model.stream(request))
            }
            #expect(error?.kind == .apiError)
            #expect(error?.status == 529)
            #expect(error?.isRetryable == true)
        }
    }

    @Test func unauthorizedNamesTheKeyVariable() async throws {
        let body = FakeAnthropicServer.errorBody("invalid x-api-key", type: "authentication_error")
        try await withModel([.error(status: 401, body: body)]) { model, _ in
            let error = await #expect(throws: ProviderError.self) { _ = try await model.respond(to: request) }
            #expect(error?.message == "the API key for anthropic was rejected (HTTP 401) — check ANTHROPIC_API_KEY")
        }
    }

    @Test func garbageIsAnInvalidResponse() async throws {
        try await withModel([.garbage("not json"), .garbage("event: message_start\ndata: nope\n\n")]) { model, _ in
            let error = await #expect(throws: ProviderError.self) { _ = try await model.respond(to: request) }
            #expect(error?.kind == .invalidResponse)
            let streamError = await #expect(throws: ProviderError.self) {
                _ = try await CollectedStream.collect(model.stream(request))
            }
            #expect(streamError?.kind == .invalidResponse)
        }
    }
}
