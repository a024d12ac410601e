import AsyncHTTPClient
import AviaryCore
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// A server killed with SIGKILL mid-run leaves the run `running` under a lease nobody renews; a
/// second `aviary serve` on the same database claims it once the lease expires and finishes it.
@Suite struct ServeLeaseRecoveryTests {
    @Test func aSecondServerFinishesTheRunOfAKilledOne() async throws {
        try await withTemporaryDirectory { dir in
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
            // a 2 s lease; the grep takes its whole 3 s search limit, so the first server is killed inside it
            try """
                model: openai/fake-model
                default_agent: scribe
                server: {run_lease_seconds: 2}
                workspace: {search_time_limit_seconds: 3}

                """.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            try "name: scribe\ninstructions: Search notes.\ntools: [write, grep]\n"
                .write(to: dir.appendingPathComponent("agents/scribe.yaml"), atomically: true, encoding: .utf8)
            let lines = Array(repeating: String(repeating: "a", count: 20) + "!", count: 4_000).joined(separator: "\\n")
            let write = FakeToolCall(id: "call_w", name: "write", arguments: #"{"path":"notes.txt","content":"\#(lines)"}"#)
            let grep = FakeToolCall(id: "call_g", name: "grep", arguments: #"{"pattern":"^(?:a|a)+$"}"#)
            try await withFakeOpenAIServer(replies: [.toolCalls([write]), .toolCalls([grep]), .text("done"), .text("done")]) { server in
                let env = ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL, "AVIARY_PORT": "0"]
                let key = try await ServeFreezeTests.createKey(dir, tenant: "acme", env: env)
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)

                let first = try CLIProcess(["serve", "--project", dir.path, "--log-level", "info"], environment: env)
                try await first.start()
                defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
                let firstBase = "http://127.0.0.1:\(try await first.listeningPort())"
                let chat = Task { try? await ServeFreezeTests.chat(client, firstBase, key: key, question: "find the a lines") }
                #expect(try await eventually { server.requests.count >= 2 }, "the first server reached the grep")
                kill(first.processIdentifier, SIGKILL)
                _ = await first.finish()
                _ = await chat.value

                let second = try CLIProcess(["serve", "--project", dir.path, "--log-level", "info"], environment: env)
                try await second.start()
                defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
                let secondBase = "http://127.0.0.1:\(try await second.listeningPort())"
                var finished: JSONValue?
                #expect(try await eventually(timeout: .seconds(60)) {
                    var request = HTTPClientRequest(url: secondBase + "/api/v1/runs")
                    request.headers.add(name: "Authorization", value: "Bearer \(key)")
                    let response = try await client.execute(request, timeout: .seconds(10))
                    let body = try JSONValue(parsing: String(buffer: try await response.body.collect(upTo: 1 << 20)))
                    finished = body["runs"]?.arrayValue?.first { $0["status"]?.stringValue == "completed" }
                    return finished != nil
                }, "the second server finished the run")
                #expect(finished?["output"]?.stringValue == "done")
                try await client.shutdown()
                kill(second.processIdentifier, SIGTERM)
                let (_, _, logs) = await second.finish()
                #expect(logs.contains("resuming a run whose process stopped renewing its lease"))
            }
        }
    }
}
