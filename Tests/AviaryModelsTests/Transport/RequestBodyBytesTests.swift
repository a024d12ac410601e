import AviaryCore
import AviaryModels
import Testing

/// A request body is sent as exactly the bytes of ``JSONValue/jsonString`` and parses back to the body.
@Suite struct RequestBodyBytesTests {
    @Test(arguments: [
        "plain ascii",
        "quote \" backslash \\ slash / newline \n tab \t cr \r",
        "controls \u{00}\u{01}\u{08}\u{0C}\u{1B}\u{1F} end",
        "unicode é ☀️ 𝄞 中文 \u{2028}",
        "",
        String(repeating: "line \"x\"\n", count: 500),
    ])
    func sentBytesEqualJSONString(text: String) async throws {
        let schema: JSONValue = ["type": "object", "properties": ["n": ["type": "number", "minimum": -5, "maximum": 1e300,
                                                                        "multipleOf": 0.1, "default": -0.0]],
                                 "x-flags": [true, false, nil], "x-big": 9_007_199_254_740_993.0]
        let request = ModelRequest(model: "m", messages: [.system(text), .user(text + "?")],
                                   tools: [ToolSpec(name: "t", description: text, parameters: schema)],
                                   temperature: 0.7, maxTokens: 100_000)
        let transport = StubTransport(body: try Fixture.bytes("openai-response-text.json"))
        let model = OpenAIChatModel(configuration: .init(model: "m", apiKey: "k", retryPolicy: .none),
                                    transport: transport)
        _ = try await model.respond(to: request)
        let sent = try #require(transport.requests.first).body
        #expect(sent == Array(model.requestBody(for: request).jsonString.utf8))
        #expect(try JSONValue(parsing: sent) == model.requestBody(for: request))
    }
}
