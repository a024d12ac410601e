import AsyncHTTPClient
import AviaryApp
import AviaryCore
import AviaryModels
import AviaryRuntime
import AviaryTesting
import Foundation
import Hummingbird
import Synchronization
import Testing

/// `providers.<name>.max_concurrent_requests`, and the provider and model keys aviary.yaml checks.
@Suite struct ProviderConcurrencyTests {
    /// Calls in flight at the server, now and at most.
    final class InFlight: Sendable {
        private let counts = Mutex((now: 0, most: 0))
        func enter() { counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
        func leave() { counts.withLock { $0.now -= 1 } }
        var now: Int { counts.withLock { $0.now } }
        var most: Int { counts.withLock { $0.most } }
    }

    static func registry(_ yaml: String, env: [String: String] = [:], transport: any HTTPTransport = ProviderRegistryTests.NoTransport())
        throws -> ProviderRegistry {
        try ProviderRegistryTests.registry(env, yaml: yaml, transport: transport)
    }

    @Test func providerAndModelMistakesAreNamed() throws {
        let cases: [(String, String)] = [
            ("providers: {openai: {base_ur: 'http://x'}}", "unknown key 'providers.openai.base_ur'"),
            ("providers: {openai: {timeout: soon}}", "providers.openai.timeout: expected a number of seconds"),
            ("providers: {openai: {timeout: 0}}", "providers.openai.timeout"),
            ("providers: {vllm: {max_concurrent_requests: 0}}", "providers.vllm.max_concurrent_requests: expected a whole number from 1"),
            ("providers: {vllm: {max_concurrent_requests: 2.5}}", "got 2.5"),
            ("models: {openai/gpt-4o: {input_price: 1}}", "unknown key 'models.openai/gpt-4o.input_price'"),
            ("models: {openai/gpt-4o: {output_price_per_1k: -1}}", "models.openai/gpt-4o.output_price_per_1k"),
        ]
        for (yaml, message) in cases {
            let error = #expect(throws: ConfigurationError.self, "\(yaml)") { try Self.registry(yaml) }
            #expect(error?.description.contains(message) == true, "\(yaml): \(error?.description ?? "")")
        }
    }

    @Test func aBuiltInProviderConfiguredOnlyInPartKeepsItsBaseURL() throws {
        let r = try Self.registry("providers: {openai: {timeout: 30, max_concurrent_requests: 4}}", env: ["OPENAI_API_KEY": "k"])
        let model = try #require(try r.resolve("openai/gpt-4o-mini").model as? OpenAIChatModel)
        #expect(model.configuration.baseURL == "https://api.openai.com/v1")
        #expect(model.configuration.timeout == .seconds(30))
        let custom = #expect(throws: ConfigurationError.self) { try Self.registry("providers: {vllm: {kind: openai}}").resolve("vllm/qwen") }
        #expect(custom?.description.contains("providers.vllm.base_url is not set") == true)
    }

    /// Six concurrent calls to a real OpenAI-compatible server through a provider limited to two:
    /// the server never sees more than two at once, and every call is answered.
    @Test func aProviderNeverHasMoreCallsInFlightThanItsLimit() async throws {
        let inFlight = InFlight()
        let router = Router()
        router.post("v1/chat/completions") { _, _ -> Response in
            inFlight.enter()
            // Hold each call until a third is in flight (only possible without the limit) or 250 ms pass,
            // long enough for the two calls of a wave to meet at the server even on a loaded machine.
            let deadline = ContinuousClock.now + .milliseconds(250)
            while inFlight.now < 3, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(2)) // sleep-ok: polling with a deadline
            }
            inFlight.leave()
            let body = #"{"id":"c","object":"chat.completion","created":0,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        try await LocalHTTPServer.run(router: router) { port in
            try await AsyncHTTPTransport.withTransport { transport in
                let yaml = "providers: {slow: {kind: openai, base_url: 'http://127.0.0.1:\(port)/v1', max_concurrent_requests: 2}}"
                let registry = try Self.registry(yaml, transport: transport)
                let small = try registry.resolve("slow/small").model, large = try registry.resolve("slow/large").model
                try await withThrowingTaskGroup(of: String.self) { group in
                    for i in 0..<6 {
                        let model = i.isMultiple(of: 2) ? small : large // the limit covers all of a provider's models
                        group.addTask { try await model.respond(to: ModelRequest(model: "m", messages: [.user("hi")])).message.text }
                    }
                    for try await text in group { #expect(text == "ok") }
                }
            }
        }
        #expect(inFlight.most == 2)
    }
}
