import AviaryCore
@testable import AviaryModels
import Foundation
import Testing

extension OpenAIChatModel { func wireBytesForProbe(_ r: ModelRequest) -> [UInt8] { WireJSONWriter.bytes(requestBody(for: r)) } }
@Suite struct PerfProbe {
    @Test func probe() async throws {
        let body = try Fixture.bytes("openai-response-tool-calls.json")
        let transport = StubTransport((0..<20000).map { _ in .init(status: 200, headers: [], body: body, chunkSize: 7) })
        let model = OpenAIChatModel(configuration: .init(model: "gpt-4o-mini", apiKey: "k", retryPolicy: .none), transport: transport)
        var messages = OpenAIChatModelWireTests.conversation
        messages[0] = .system(String(repeating: "You are a helpful assistant. ", count: 40))
        let request = ModelRequest(model: "gpt-4o-mini", messages: messages, tools: [OpenAIChatModelWireTests.weatherTool, OpenAIChatModelWireTests.weatherTool], temperature: 0.2)
        let clock = ContinuousClock()
        for _ in 0..<200 { _ = try await model.respond(to: request) }
        let n = 5000
        let t = clock.measure { }
        _ = t
        let start = clock.now
        for _ in 0..<n { _ = try await model.respond(to: request) }
        let el = clock.now - start
        print("PERF respond: \(el / n) per call")
        let s2 = clock.now
        for _ in 0..<n { _ = model.requestBody(for: request).jsonString }
        print("PERF encode: \((clock.now - s2) / n) per call")
        var big = request
        big.messages[0] = .system(String(repeating: "You are a helpful assistant.\nAnswer \"briefly\".\n", count: 100))
        let s3 = clock.now
        for _ in 0..<n { _ = model.requestBody(for: big).jsonString }
        let s6 = clock.now
        for _ in 0..<n { _ = model.wireBytesForProbe(big) }
        print("PERF fast writer escaped 4.8KB: \((clock.now - s6) / n) per call")
        print("PERF encode escaped 4.8KB: \((clock.now - s3) / n) per call")
        let value = model.requestBody(for: big)
        let s4 = clock.now
        for _ in 0..<n { _ = value.jsonString }
        print("PERF jsonString only: \((clock.now - s4) / n) per call")
        let s5 = clock.now
        for _ in 0..<n { _ = model.requestBody(for: request) }
        print("PERF build JSONValue only (small): \((clock.now - s5) / n) per call")
    }
}
