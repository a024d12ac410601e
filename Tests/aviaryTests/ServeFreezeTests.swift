import AsyncHTTPClient
import AviaryCore
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The review's freeze on a real `aviary serve` (the shipped `loop` executor): a model makes `grep`
/// search with a backtracking pattern over thousands of lines, work no machine finishes within the
/// call's time limit. While it runs, `/health` answers on fresh connections and another tenant's
/// run completes; the call then ends with a tool error naming the time limit, never "no matches".
@Suite struct ServeFreezeTests {
    @Test func aBacktrackingGrepDoesNotFreezeTheServer() async throws {
        try await withTemporaryDirectory { dir in
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
            try "model: openai/fake-model\ndefault_agent: scribe\nworkspace: {search_time_limit_seconds: 5}\n"
                .write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            try "name: scribe\ninstructions: Search notes.\ntools: [write, grep]\n"
                .write(to: dir.appendingPathComponent("agents/scribe.yaml"), atomically: true, encoding: .utf8)
            // each line costs ICU about a million backtracking steps (within the per-line bound):
            // 4,000 lines take minutes on any machine, so the 5 s limit always ends the call
            let lines = Array(repeating: String(repeating: "a", count: 20) + "!", count: 4_000).joined(separator: "\\n")
            let write = FakeToolCall(id: "call_w", name: "write", arguments: #"{"path":"notes.txt","content":"\#(lines)"}"#)
            let grep = FakeToolCall(id: "call_g", name: "grep", arguments: #"{"pattern":"^(?:a|a)+$"}"#)
            let replies: [FakeReply] = [.toolCalls([write]), .toolCalls([grep]), .text("hello globex"), .text("done")]
            try await withFakeOpenAIServer(replies: replies) { server in
                let env = ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL, "AVIARY_PORT": "0"]
                let acme = try await Self.createKey(dir, tenant: "acme", env: env)
                let globex = try await Self.createKey(dir, tenant: "globex", env: env)
                let cli = try CLIProcess(["serve", "--project", dir.path, "--log-level", "info"], environment: env)
                try await cli.start()
                defer { if cli.isRunning { kill(cli.processIdentifier, SIGKILL) } }
                let base = "http://127.0.0.1:\(try await cli.listeningPort())"
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
                let chat = Task { try await Self.chat(client, base, key: acme, question: "find the a lines") }

                // the model has asked for the grep: from here the search runs
                #expect(try await eventually { server.requests.count >= 2 })
                for _ in 0..<5 {
                    let health = try await client.execute(HTTPClientRequest(url: base + "/health"), timeout: .seconds(10))
                    #expect(health.status == .ok)
                }
                let (otherCode, otherBody) = try await Self.chat(client, base, key: globex, question: "hello")
                #expect(otherCode == 200)
                #expect(otherBody.contains("hello globex"))
                #expect(server.requests.count == 3, "the grep was still running while the other tenant's run completed")

                let (code, _) = try await chat.value
                #expect(code == 200)
                try await client.shutdown()
                // what the model got back for the grep: a tool error naming the limit
                let toolMessage = server.requests.last?.body?["messages"]?.arrayValue?.last { $0["role"]?.stringValue == "tool" }
                let content = toolMessage?["content"]?.stringValue ?? ""
                #expect(content.hasPrefix("Error:"), "\(content)")
                #expect(content.contains("time limit of 5s"), "\(content)")
                #expect(!content.localizedCaseInsensitiveContains("no match"), "\(content)")
                kill(cli.processIdentifier, SIGTERM)
                _ = await cli.finish()
            }
        }
    }

    static func createKey(_ dir: URL, tenant: String, env: [String: String]) async throws -> String {
        let (status, out, err) = try await CLIProcess.run(["keys", "create", "--project", dir.path, "--tenant", tenant, "--role", "user"],
                                                          environment: env)
        #expect(status == 0, "\(err)")
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func chat(_ client: HTTPClient, _ base: String, key: String, question: String) async throws -> (UInt, String) {
        var request = HTTPClientRequest(url: base + "/chat")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        request.body = .bytes(ByteBuffer(string: #"{"question":"\#(question)"}"#))
        let response = try await client.execute(request, timeout: .seconds(120))
        return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }
}
