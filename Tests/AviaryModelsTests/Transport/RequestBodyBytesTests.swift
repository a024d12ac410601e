import AviaryCore
import AviaryModels
import Testing

/// A request body is sent as exactly ``OpenAIChatModel/requestBytes(for:stream:)``: valid JSON that
/// reads back as the body built by hand here, whatever the text holds.
@Suite struct RequestBodyBytesTests {
    @Test(arguments: [
        "plain ascii",
        "quote \" backslash \\ slash / newline \n tab \t cr \r",
        "controls \u{00}\u{01}\u{08}\u{0C}\u{1B}\u{1F} end",
        "unicode é ☀️ 𝄞 中文 \u{2028}",
        "",
        String(repeating: "line \"x\"\n", count: 500),
    ])
    func sentBytesAreTheBodyWhateverTheText(text: String) async throws {
        let schema: JSONValue = ["type": "object", "properties": ["n": ["type": "number", "minimum": -5, "maximum": 1e300,
                                                                        "multipleOf": 0.1, "default": -0.0]],
                                 "x-flags": [true, false, nil], "x-big": 9_007_199_254_740_993.0]
        let call = ToolCall(id: "c\"1", name: "t", arguments: ["q": .string(text)])
        let request = ModelRequest(model: "m", messages: [
            .system(text), .user(text + "?"),
            Message(role: .assistant, parts: [.text(text), .toolCall(call)]),
            Message(role: .tool, parts: [.toolResult(ToolResult(callID: "c\"1", name: "t", content: text))]),
        ], tools: [ToolSpec(name: "t", description: text, parameters: schema)], temperature: 0.7, maxTokens: 100_000)
        let transport = StubTransport(body: try Fixture.bytes("openai-response-text.json"))
        let model = OpenAIChatModel(configuration: .init(model: "m", apiKey: "k", retryPolicy: .none),
                                    transport: transport)
        _ = try await model.respond(to: request)
        let sent = try #require(transport.requests.first).body
        #expect(sent == model.requestBytes(for: request))
        let expected: JSONValue = [
            "model": "m",
            "messages": [
                ["role": "system", "content": .string(text)],
                ["role": "user", "content": .string(text + "?")],
                ["role": "assistant", "content": text.isEmpty ? nil : .string(text),
                 "tool_calls": [["id": "c\"1", "type": "function",
                                 "function": ["name": "t", "arguments": .string(call.arguments.jsonString)]]]],
                ["role": "tool", "tool_call_id": "c\"1", "content": .string(text)],
            ],
            "tools": [["type": "function", "function": ["name": "t", "description": .string(text), "parameters": schema]]],
            "tool_choice": "auto", "parallel_tool_calls": true, "temperature": 0.7, "max_tokens": 100_000,
        ]
        #expect(try JSONValue(parsing: sent) == expected)
        #expect(model.requestBody(for: request) == expected)
    }
}
