import AsyncHTTPClient
import AviaryCore
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The review's attack on a real `aviary serve` (the shipped `loop` executor): a model makes
/// `grep` run a catastrophic regular expression; while it runs the server keeps answering, and the
/// call ends with a tool error naming the limit — never "no matches".
@Suite struct ServeFreezeTests {
    @Test func aCatastrophicGrepDoesNotFreezeTheServer() async throws {
        try await withTemporaryDirectory { dir in
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
            try "model: openai/fake-model\ndefault_agent: scribe\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            try "name: scribe\ninstructions: Search notes.\ntools: [write, grep]\n"
                .write(to: dir.appendingPathComponent("agents/scribe.yaml"), atomically: true, encoding: .utf8)
            let lines = Array(repeating: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", count: 20).joined(separator: "\\n")
            let write = FakeToolCall(id: "call_w", name: "write", arguments: #"{"path":"notes.txt","content":"\#(lines)"}"#)
            let grep = FakeToolCall(id: "call_g", name: "grep", arguments: #"{"pattern":"^(a+)+$"}"#)
            try await withFakeOpenAIServer(replies: [.toolCalls([write]), .toolCalls([grep]), .text("done")]) { server in
                let env = ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL, "AVIARY_PORT": "0"]
                let (status, keyOut, _) = try await CLIProcess.run(["keys", "create", "--project", dir.path, "--tenant", "acme", "--role", "user"],
                                                                   environment: env)
                #expect(status == 0)
                let key = keyOut.trimmingCharacters(in: .whitespacesAndNewlines)
                let cli = try CLIProcess(["serve", "--project", dir.path, "--log-level", "info"], environment: env)
                try cli.start()
                defer { if cli.process.isRunning { kill(cli.process.processIdentifier, SIGKILL) } }
                var port: Int?
                _ = try await eventually {
                    let text = (try? String(contentsOf: cli.errorFile, encoding: .utf8)) ?? ""
                    if let line = text.split(separator: "\n").first(where: { $0.contains("listening on port") }) {
                        port = Int(line.split(separator: " ").last ?? "")
                    }
                    return port != nil || !cli.process.isRunning
                }
                let bound = try #require(port, "the server reports its port")
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
                let base = "http://127.0.0.1:\(bound)"
                let chat = Task {
                    var request = HTTPClientRequest(url: base + "/chat")
                    request.method = .POST
                    request.headers.add(name: "Authorization", value: "Bearer \(key)")
                    request.body = .bytes(ByteBuffer(string: #"{"question":"find the a lines"}"#))
                    let response = try await client.execute(request, timeout: .seconds(120))
                    return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 20)))
                }
                // the model has asked for the grep: from here the expression runs
                #expect(try await eventually { server.requests.count >= 2 })
                // the server answers while it runs (each request on a connection of its own)
                for _ in 0..<10 {
                    let health = try await client.execute(HTTPClientRequest(url: base + "/health"), timeout: .seconds(5))
                    #expect(health.status == .ok)
                }
                #expect(server.requests.count == 2, "the grep was still running while /health answered")
                let (code, _) = try await chat.value
                #expect(code == 200)
                try await client.shutdown()
                // what the model got back for the grep: a tool error naming the limit
                let toolMessage = server.requests.last?.body?["messages"]?.arrayValue?.last { $0["role"]?.stringValue == "tool" }
                let content = toolMessage?["content"]?.stringValue ?? ""
                #expect(content.hasPrefix("Error:"), "\(content)")
                #expect(!content.localizedCaseInsensitiveContains("no match"), "\(content)")
                kill(cli.process.processIdentifier, SIGTERM)
                _ = await cli.finish()
            }
        }
    }
}
