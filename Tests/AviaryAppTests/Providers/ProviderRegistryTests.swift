import AsyncHTTPClient
import AviaryApp
import AviaryCore
import AviaryModels
import AviaryRuntime
import AviaryTesting
import Foundation
import Testing

@Suite struct ProviderRegistryTests {
    static func registry(_ env: [String: String], yaml: String = "", local: String? = nil,
                         transport: any HTTPTransport = NoTransport()) throws -> ProviderRegistry {
        var config = AviaryConfiguration(projectDirectory: URL(fileURLWithPath: "/tmp/aviary-none"))
        if !yaml.isEmpty {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try yaml.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            config = try ConfigurationLoader(environment: env).load(project: dir)
        }
        let r = ProviderRegistry(configuration: config, transport: transport, environment: env)
        r.setLocalBaseURL(local)
        return r
    }

    struct NoTransport: HTTPTransport {
        func send(_ request: HTTPRequestData) async throws -> HTTPResponseData { throw CancellationError() }
        func stream(_ request: HTTPRequestData) async throws -> HTTPStreamingResponse { throw CancellationError() }
    }

    @Test func defaultModelFollowsTheConfiguredKeys() throws {
        #expect(try Self.registry(["OPENAI_API_KEY": "k"]).defaultReference == "openai/gpt-4o-mini")
        #expect(try Self.registry(["ANTHROPIC_API_KEY": "k"]).defaultReference.hasPrefix("anthropic/"))
        #expect(try Self.registry([:]).defaultReference == "local/smollm2-135m")
        #expect(try Self.registry(["OPENAI_API_KEY": "k"], yaml: "model: ollama/llama3.2").defaultReference == "ollama/llama3.2")
    }

    @Test func missingKeySaysWhatToSet() throws {
        let error = #expect(throws: ProviderError.self) { try Self.registry([:]).resolve("openai/gpt-4o-mini") }
        #expect(error?.description.contains("OPENAI_API_KEY") == true)
        let anthropic = #expect(throws: ProviderError.self) { try Self.registry([:]).resolve("anthropic/claude-3-5-haiku-latest") }
        #expect(anthropic?.description.contains("ANTHROPIC_API_KEY") == true)
    }

    @Test func resolvesProvidersProfilesAndToolCallingMode() throws {
        let r = try Self.registry(["OPENAI_API_KEY": "k", "ANTHROPIC_API_KEY": "a"],
                                  yaml: "profiles: {fast: openai/gpt-4o-mini, deep: anthropic/claude-sonnet-4-5}\nmodels:\n  openai/gpt-4o-mini: {input_price_per_1k: 0.5, output_price_per_1k: 1}\n",
                                  local: "http://127.0.0.1:9/v1")
        let fast = try r.resolve("fast")
        #expect(fast.model is OpenAIChatModel)
        #expect(fast.modelID == "gpt-4o-mini")
        #expect(fast.cost(of: Usage(inputTokens: 1000, outputTokens: 1000)) == 1.5)
        #expect(try r.resolve("deep").model is AnthropicModel)
        #expect(try r.resolve("local/smollm2-135m").model is JSONActionModel, "the embedded model uses JSON actions")
        #expect(try r.resolve("ollama/llama3.2").model is OpenAIChatModel, "Ollama needs no key")
        #expect(throws: ConfigurationError.self) { try r.resolve("nosuch/model") }
        #expect(throws: ConfigurationError.self) { try r.resolve("not-a-reference") }
    }

    @Test func openAICompatibleServerAtAnotherURLNeedsNoKey() throws {
        let r = try Self.registry(["OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"])
        #expect(try r.resolve("openai/llama3.2").model is OpenAIChatModel)
    }

    @Test func unknownConfigKeysAndBadModesAreRejectedByName() throws {
        #expect(throws: ConfigurationError.self) { try Self.registry([:], yaml: "modle: x") }
        let e = #expect(throws: ConfigurationError.self) { try Self.registry([:], yaml: "models:\n  a/b: {tool_calling: xml}") }
        #expect(e?.description.contains("models.a/b.tool_calling") == true)
    }

    /// `tool_calling: json` against a real OpenAI-compatible HTTP server (llama.cpp's wire shape).
    @Test func jsonToolCallingAgainstTheFakeServer() async throws {
        try await withFakeOpenAIServer(replies: [.text(#"{"tool":"get_customer","arguments":{"customer_id":"c42"}}"#),
                                                  .text(#"{"final_answer":"c42 is active"}"#)]) { server in
            try await AsyncHTTPTransport.withTransport { transport in
                var config = OpenAIChatModel.Configuration(model: "smol", baseURL: server.baseURL, requiresAPIKey: false)
                config.jsonSchemaStyle = .schemaInJSONObject
                let model = JSONActionModel(base: OpenAIChatModel(configuration: config, transport: transport))
                let tool = ToolSpec(name: "get_customer", description: "Look up a customer.",
                                    parameters: ["type": "object", "properties": ["customer_id": ["type": "string"]], "required": ["customer_id"]])
                let first = try await model.respond(to: ModelRequest(model: "smol", messages: [.user("status of c42?")], tools: [tool]))
                let call = try #require(first.message.toolCalls.first)
                #expect(call.name == "get_customer")
                #expect(call.arguments["customer_id"] == "c42")
                let body = try #require(server.requestBodies.first)
                #expect(body["tools"] == nil, "tools travel in the prompt and the schema, not natively")
                #expect(body["response_format"]?["type"] == "json_object")
                #expect(body["response_format"]?["schema"]?["anyOf"] != nil)

                let history: [Message] = [.user("status of c42?"), first.message,
                                          Message(role: .tool, parts: [.toolResult(ToolResult(callID: call.id, name: call.name, content: #"{"status":"active"}"#))])]
                let second = try await model.respond(to: ModelRequest(model: "smol", messages: history, tools: [tool]))
                #expect(second.message.text == "c42 is active")
                #expect(second.message.toolCalls.isEmpty)
            }
        }
    }
}
