import AviaryCore
import AviaryHTTP
@testable import AviaryKnowledge
import AviaryStorage
import AviaryTesting
import Foundation
import NIOHTTP1
import Testing

/// Streams text in words, like a real provider's SSE stream.
struct WordStreamingModel: LanguageModel {
    let base: FunctionModel
    var name: String { "words" }
    func respond(to request: ModelRequest) async throws -> ModelResponse { try await base.respond(to: request) }
    func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let response = try await base.respond(to: request)
                    for word in response.message.text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                        continuation.yield(.textDelta((word.offset == 0 ? "" : " ") + word.element))
                    }
                    continuation.yield(.completed(response))
                    continuation.finish()
                } catch { continuation.finish(throwing: error) }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

@Suite struct OpenAIFacadeTests {
    static let agents = [TestAgents.support, TestAgents.draft]

    @Test func modelsListTheAgentsAKeyMayUse() async throws {
        try await ServerFixture.with(agents: Self.agents, tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let user = try await fx.call(.GET, "/v1/models", key: try await fx.key(role: .user))
            #expect(user.json?["object"]?.stringValue == "list")
            #expect(user.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["support"])
            let dev = try await fx.call(.GET, "/v1/models", key: try await fx.key(role: .developer))
            #expect(dev.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["experimental", "support"])
        }
    }

    @Test func nonStreamingCompletionRunsTheAgentWithTheConversation() async throws {
        try await ServerFixture.with(agents: Self.agents, tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let key = try await fx.key()
            let r = try await fx.call(.POST, "/v1/chat/completions", key: key, json: [
                "model": "support",
                "messages": [["role": "user", "content": "first"], ["role": "assistant", "content": "ok"],
                             ["role": "user", "content": [["type": "text", "text": "second"]]]],
            ])
            #expect(r.status == 200)
            #expect(r.json?["object"]?.stringValue == "chat.completion")
            #expect(r.json?["choices"]?[0]?["message"]?["content"]?.stringValue == "Customer c42 is active. (q: second; user messages: 2)")
            #expect(r.json?["choices"]?[0]?["finish_reason"]?.stringValue == "stop")
            #expect(r.json?["usage"]?["total_tokens"]?.intValue == 42)
            let runID = try #require(r.headers["X-Aviary-Run-ID"].first)
            #expect(try await fx.store.loadRun(RunID(runID), tenant: "acme")?.status == .completed)
        }
    }

    @Test func streamingSendsOfficialChunksAndDone() async throws {
        let model = WordStreamingModel(base: TestAgents.model())
        try await ServerFixture.with(agents: Self.agents, tools: [TestAgents.customerTool()], model: model) { fx in
            let key = try await fx.key()
            let (status, lines) = try await fx.stream(.POST, "/v1/chat/completions", key: key, json: [
                "model": "support", "stream": true, "stream_options": ["include_usage": true],
                "messages": [["role": "user", "content": "go"]],
            ])
            #expect(status == 200)
            var datas: [String] = []
            while let line = try await lines.nextLine() {
                if line.hasPrefix("data: ") { datas.append(String(line.dropFirst(6))) }
            }
            #expect(datas.last == "[DONE]")
            let chunks = datas.dropLast().compactMap { try? JSONValue(parsing: $0) }
            #expect(chunks.count == datas.count - 1)
            #expect(chunks.allSatisfy { $0["object"]?.stringValue == "chat.completion.chunk" })
            #expect(Set(chunks.compactMap { $0["id"]?.stringValue }).count == 1)
            #expect(chunks.first?["choices"]?[0]?["delta"]?["role"]?.stringValue == "assistant")
            let text = chunks.compactMap { $0["choices"]?[0]?["delta"]?["content"]?.stringValue }.joined()
            #expect(text == "Customer c42 is active. (q: go; user messages: 1)")
            #expect(chunks.filter { ($0["choices"]?[0]?["delta"]?["content"]?.stringValue ?? "").isEmpty == false }.count > 3, "word by word")
            #expect(chunks.dropLast().last?["choices"]?[0]?["finish_reason"]?.stringValue == "stop")
            #expect(chunks.last?["choices"]?.arrayValue?.isEmpty == true)
            #expect(chunks.last?["usage"]?["total_tokens"]?.intValue == 42)
        }
    }

    @Test func badCompletionRequestsAreFourHundreds() async throws {
        try await ServerFixture.with(agents: Self.agents, tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let key = try await fx.key(role: .user)
            let cases: [(JSONValue, Int, String)] = [
                (["messages": [["role": "user", "content": "hi"]]], 400, "missing_field"),
                (["model": "support"], 400, "missing_field"),
                (["model": "support", "messages": []], 400, "missing_field"),
                (["model": "support", "messages": [["role": "assistant", "content": "hi"]]], 400, "invalid_field"),
                (["model": "support", "messages": [["role": "wizard", "content": "hi"]]], 400, "invalid_field"),
                (["model": "support", "messages": [["role": "user", "content": [["type": "image_url"]]]]], 400, "unsupported"),
                (["model": "support", "messages": [["role": "user", "content": "hi"]], "tools": [["type": "function"]]], 400, "unsupported"),
                (["model": "nope", "messages": [["role": "user", "content": "hi"]]], 404, "unknown_agent"),
                (["model": "experimental", "messages": [["role": "user", "content": "hi"]]], 404, "unknown_agent"),
            ]
            for (body, status, code) in cases {
                let r = try await fx.call(.POST, "/v1/chat/completions", key: key, json: body)
                #expect(r.status == status, "\(body.jsonString)")
                #expect(r.errorCode == code, "\(body.jsonString): \(r.text)")
            }
        }
    }

    static var pythonHasOpenAI: Bool {
        let outcome = try? ChildProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", "import openai"],
                                                  timeout: .seconds(60), maximumOutputBytes: 1 << 20)
        if case .exited(0, _, _) = outcome { return true }
        return false
    }

    /// The official `openai` Python client, unchanged, against the facade. CI installs the package
    /// (`scripts/test.sh`); elsewhere the test runs when it is installed.
    @Test(.enabled(if: Self.pythonHasOpenAI || ProcessInfo.processInfo.environment["CI"] == "true"))
    func theOfficialOpenAIPythonClientWorksUnchanged() async throws {
        try #require(Self.pythonHasOpenAI, "CI must have the openai Python package (pip install openai)")
        let model = WordStreamingModel(base: TestAgents.model())
        try await ServerFixture.with(agents: Self.agents, tools: [TestAgents.customerTool()], model: model) { fx in
            let key = try await fx.key(role: .service, principal: "chat-ui")
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/openai_client.py")
            let out = try await Self.python([script.path, fx.baseURL + "/v1", key, "support"])
            let result = try JSONValue(parsing: out)
            #expect(result["models"] == ["support"])
            #expect(result["completion"]?["content"]?.stringValue == "Customer c42 is active. (q: Is customer c42 ok?; user messages: 1)")
            #expect(result["completion"]?["object"]?.stringValue == "chat.completion")
            #expect(result["completion"]?["finish_reason"]?.stringValue == "stop")
            #expect(result["completion"]?["usage"]?["total_tokens"]?.intValue == 42)
            #expect(result["stream"]?["content"]?.stringValue == "Customer c42 is active. (q: Stream it, please.; user messages: 1)")
            #expect((result["stream"]?["pieces"]?.intValue ?? 0) > 3)
            #expect(result["stream"]?["finish_reason"]?.stringValue == "stop")
            #expect(result["stream"]?["usage"]?["total_tokens"]?.intValue == 42)
            #expect(result["stream"]?["ids"]?.intValue == 1)
            #expect(result["unknown_model"]?["status"]?.intValue == 404)
            #expect(result["bad_key"]?["status"]?.intValue == 401)
        }
    }

    /// Runs python3 with arguments off the cooperative pool; returns stdout, throws on failure.
    /// (Aviary's `posix_spawn` runner, not Foundation's `Process`, which can crash reading
    /// /proc/self/fd: swiftlang/swift-corelibs-foundation#5472.)
    static func python(_ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    let outcome = try ChildProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3"] + arguments,
                                                             timeout: .seconds(300), maximumOutputBytes: 16 << 20)
                    switch outcome {
                    case .exited(0, let output, _):
                        continuation.resume(returning: String(decoding: output, as: UTF8.self))
                    case .exited(let status, _, let errors):
                        continuation.resume(throwing: FixtureError(message: "python exited \(status): \(String(decoding: errors, as: UTF8.self))"))
                    case .timedOut, .outputTooLarge:
                        continuation.resume(throwing: FixtureError(message: "python: \(outcome)"))
                    }
                } catch { continuation.resume(throwing: error) }
            }
        }
    }
}
