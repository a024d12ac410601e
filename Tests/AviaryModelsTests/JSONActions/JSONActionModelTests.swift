import AviaryCore
import Testing

@testable import AviaryModels

@Suite struct JSONActionModelTests {
    static let weather = ToolSpec(
        name: "get_weather", description: "Current weather for a city.",
        parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])
    static let clock = ToolSpec(name: "get_time", description: "The current time.")

    func request(_ messages: [Message] = [.system("You are helpful."), .user("Weather in Oslo?")],
                 tools: [ToolSpec] = [weather, clock]) -> ModelRequest {
        ModelRequest(model: "smollm2", messages: messages, tools: tools)
    }

    @Test func schemaHasOneBranchPerToolPlusFinalAnswer() throws {
        let schema = JSONActionSchema.schema(for: [Self.weather, Self.clock])
        let branches = try #require(schema["anyOf"]?.arrayValue)
        #expect(branches.count == 3)
        #expect(branches[0] == [
            "type": "object",
            "properties": ["tool": ["const": "get_weather"], "arguments": Self.weather.parameters],
            "required": ["tool", "arguments"],
            "additionalProperties": false,
        ])
        #expect(branches[1]["properties"]?["tool"] == ["const": "get_time"])
        #expect(branches[1]["properties"]?["arguments"] == ["type": "object", "properties": [:]])
        #expect(branches[2] == [
            "type": "object", "properties": ["final_answer": ["type": "string"]],
            "required": ["final_answer"], "additionalProperties": false,
        ])
        #expect(JSONActionSchema.schema(for: [Self.weather], finalAnswer: nil)["anyOf"]?.arrayValue?.count == 1)
    }

    @Test func requestIsRewrittenWithInstructionsAndSchema() async throws {
        let base = RecordingModel(["{\"final_answer\": \"ok\"}"])
        _ = try await JSONActionModel(base: base).respond(to: request())
        let sent = try #require(base.requests.first)
        #expect(sent.tools.isEmpty)
        #expect(sent.responseFormat == .jsonSchema(name: "action", schema: JSONActionSchema.schema(for: [Self.weather, Self.clock])))
        #expect(sent.messages.map(\.role) == [.system, .user])
        let system = sent.messages[0].text
        #expect(system.hasPrefix("You are helpful.\n\n"))
        #expect(system.contains("- get_weather: Current weather for a city."))
        #expect(system.contains(#"arguments schema: {"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}"#))
        #expect(system.contains(#"{"final_answer": "<your answer>"}"#))
    }

    @Test func parsesToolCall() async throws {
        let base = RecordingModel([#"{"tool": "get_weather", "arguments": {"city": "Oslo"}}"#])
        let response = try await JSONActionModel(base: base).respond(to: request())
        #expect(response.finishReason == .toolCalls)
        #expect(response.message.toolCalls == [ToolCall(id: "call_json_1", name: "get_weather", arguments: ["city": "Oslo"])])
        #expect(response.message.text.isEmpty)
        #expect(response.model == "recording-1")
        #expect(response.usage == Usage(inputTokens: 10, outputTokens: 5, requests: 1))
    }

    @Test func parsesFinalAnswer() async throws {
        let base = RecordingModel([#"{"final_answer": "It is sunny."}"#])
        let response = try await JSONActionModel(base: base).respond(to: request())
        #expect(response.finishReason == .stop)
        #expect(response.message == .assistant("It is sunny."))
    }

    @Test func toleratesFencesAndProse() async throws {
        let reply = "Sure! Here you go:\n```json\n{\"tool\": \"get_weather\", \"arguments\": {\"city\": \"Oslo {north}\"}}\n```\nHope that helps."
        let base = RecordingModel([reply])
        let response = try await JSONActionModel(base: base).respond(to: request())
        #expect(response.message.toolCalls.first?.arguments == ["city": "Oslo {north}"])
        #expect(base.requests.count == 1)
    }

    @Test func garbageGetsOneRepairTurn() async throws {
        let base = RecordingModel(["I think it is sunny", #"{"tool":"get_weather","arguments":{"city":"Oslo"}}"#])
        let response = try await JSONActionModel(base: base).respond(to: request())
        #expect(response.message.toolCalls.first?.name == "get_weather")
        #expect(response.usage == Usage(inputTokens: 20, outputTokens: 10, requests: 2))
        let repair = try #require(base.requests.last)
        #expect(repair.messages.count == 4)
        #expect(repair.messages[2] == .assistant("I think it is sunny"))
        #expect(repair.messages[3].role == .user)
        #expect(repair.messages[3].text.contains("not a valid action"))
    }

    @Test func garbageTwiceBecomesFinalText() async throws {
        let base = RecordingModel(["no idea", "still no idea"])
        let response = try await JSONActionModel(base: base).respond(to: request())
        #expect(response.message == .assistant("still no idea"))
        #expect(response.finishReason == .stop)
        #expect(base.requests.count == 2)
    }

    @Test func unknownToolIsRepaired() async throws {
        let base = RecordingModel([#"{"tool":"launch_rocket","arguments":{}}"#, #"{"final_answer":"done"}"#])
        let response = try await JSONActionModel(base: base).respond(to: request())
        #expect(response.message.text == "done")
        #expect(base.requests.last?.messages.last?.text.contains("no tool named \"launch_rocket\"") == true)
    }

    @Test func toolResultsAreRewrittenAsText() async throws {
        let call = ToolCall(id: "call_abc", name: "get_weather", arguments: ["city": "Oslo"])
        let messages: [Message] = [
            .system("You are helpful."), .user("Weather in Oslo?"),
            Message(role: .assistant, parts: [.toolCall(call)]),
            Message(role: .tool, parts: [.toolResult(ToolResult(callID: "call_abc", name: "get_weather", content: "12°C, rain"))]),
            Message(role: .tool, parts: [.toolResult(ToolResult(callID: "x", name: "get_time", content: "timeout", isError: true))]),
            .assistant("Earlier answer"),
            .user("And now?"),
        ]
        let base = RecordingModel([#"{"tool":"get_time","arguments":{}}"#])
        let response = try await JSONActionModel(base: base).respond(to: request(messages))
        let sent = try #require(base.requests.first).messages
        #expect(sent.map(\.role) == [.system, .user, .assistant, .user, .assistant, .user])
        #expect(sent[2].text == #"{"arguments":{"city":"Oslo"},"tool":"get_weather"}"#)
        #expect(sent[3].text == "Tool get_weather returned: 12°C, rain\n\nTool get_time failed: timeout")
        #expect(sent[4].text == #"{"final_answer":"Earlier answer"}"#)
        #expect(sent[5].text == "And now?")
        #expect(response.message.toolCalls.first?.id == "call_json_2")
    }

    @Test func requestsWithoutToolsPassThrough() async throws {
        let plain = ModelRequest(model: "smollm2", messages: [.user("Hi")], responseFormat: .jsonObject, temperature: 0.2)
        let base = RecordingModel(["Hello"])
        let response = try await JSONActionModel(base: base).respond(to: plain)
        #expect(base.requests == [plain])
        #expect(response.message == .assistant("Hello"))
    }

    @Test func toolChoiceNoneDropsToolsAndRewritesHistory() async throws {
        let call = ToolCall(id: "c1", name: "get_time", arguments: [:])
        var req = request([.user("Time?"), Message(role: .assistant, parts: [.toolCall(call)]),
                           Message(role: .tool, parts: [.toolResult(ToolResult(callID: "c1", name: "get_time", content: "noon"))])])
        req.toolChoice = .none
        let base = RecordingModel(["It is noon."])
        let response = try await JSONActionModel(base: base).respond(to: req)
        let sent = try #require(base.requests.first)
        #expect(sent.tools.isEmpty && sent.responseFormat == .text)
        #expect(sent.messages.last == .user("Tool get_time returned: noon"))
        #expect(response.message.text == "It is noon.")
    }

    @Test func requiredToolChoiceRefusesFinalAnswer() async throws {
        var req = request()
        req.toolChoice = .required
        let base = RecordingModel([#"{"final_answer":"skip"}"#, #"{"tool":"get_time","arguments":{}}"#])
        let response = try await JSONActionModel(base: base).respond(to: req)
        #expect(response.message.toolCalls.first?.name == "get_time")
        #expect(base.requests.first?.responseFormat == .jsonSchema(name: "action", schema: JSONActionSchema.schema(
            for: [Self.weather, Self.clock], finalAnswer: nil)))
    }

    @Test func structuredOutputBecomesFinalAnswerSchema() async throws {
        let output: JSONValue = ["type": "object", "properties": ["temp": ["type": "number"]], "required": ["temp"]]
        var req = request()
        req.responseFormat = .jsonSchema(name: "report", schema: output)
        let base = RecordingModel([#"{"final_answer": {"temp": 12}}"#])
        let response = try await JSONActionModel(base: base).respond(to: req)
        #expect(response.message.text == #"{"temp":12}"#)
        let schema = JSONActionSchema.schema(for: [Self.weather, Self.clock], finalAnswer: output)
        #expect(base.requests.first?.responseFormat == .jsonSchema(name: "action", schema: schema))
    }

    @Test func nativeToolCallsFromBaseAreKept() async throws {
        let native = ModelResponse(message: Message(role: .assistant, parts: [.toolCall(ToolCall(id: "n1", name: "get_time", arguments: [:]))]),
                                   finishReason: .toolCalls)
        let response = try await JSONActionModel(base: RecordingModel(responses: [native])).respond(to: request())
        #expect(response.message.toolCalls.first?.id == "n1")
    }

    @Test func streamingUsesTheDefaultSingleCall() async throws {
        let base = RecordingModel([#"{"tool":"get_weather","arguments":{"city":"Oslo"}}"#])
        var events: [ModelStreamEvent] = []
        for try await event in JSONActionModel(base: base).stream(request()) { events.append(event) }
        #expect(events.count == 2)
        #expect(events.first == .toolCallDelta(index: 0, id: "call_json_1", name: "get_weather", argumentsDelta: #"{"city":"Oslo"}"#))
    }
}
