import AsyncHTTPClient
import AviaryCore
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// An approved action runs at most once when a real process is killed at the two dangerous
/// points: right after the approval is recorded (before the call), and during the call.
@Suite struct ApprovalKillTests {
    static func writeProject(_ dir: URL, config: String) throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        try ("model: openai/fake-model\ndefault_agent: clerk\n" + config)
            .write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        try """
        name: clerk
        instructions: You keep the counter file.
        tools: [write, edit]
        approvals:
          edit: always
        """.write(to: dir.appendingPathComponent("agents/clerk.yaml"), atomically: true, encoding: .utf8)
    }

    static func events(_ dir: URL, _ run: String, tenant: String) async throws -> [RunEvent] {
        try await SQLiteStorage.withStorage(path: dir.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
            try await storage.store.loadEvents(RunID(run), tenant: tenant)
        }
    }

    static func call(_ client: HTTPClient, _ method: HTTPMethod, _ url: String, key: String, body: String? = nil) async throws -> (UInt, JSONValue) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        return (response.status.code, (try? JSONValue(parsing: text)) ?? .string(text))
    }

    /// The server records the approval but cannot resume the run at once (the tenant's only run
    /// slot is taken by another run, held 30 s by a rate-limited model call) and is killed: a
    /// second server claims the run once its lease is void and runs the approved edit, once.
    @Test func killedRightAfterTheApprovalIsRecorded() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir, config: "server: {run_lease_seconds: 2, max_concurrent_runs_per_tenant: 1}\n")
            let write = FakeToolCall(id: "call_w", name: "write", arguments: #"{"path":"counter.txt","content":"x"}"#)
            let edit = FakeToolCall(id: "call_e", name: "edit", arguments: #"{"path":"counter.txt","old_text":"x","new_text":"xy"}"#)
            let slow = FakeReply.error(status: 429, body: #"{"error":{"message":"slow down","type":"rate_limit"}}"#, retryAfter: "30")
            try await withFakeOpenAIServer(replies: [.toolCalls([write]), .toolCalls([edit]), slow, .text("done"), .text("done")]) { server in
                let env = ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL, "AVIARY_PORT": "0"]
                let key = try await ServeFreezeTests.createKey(dir, tenant: "acme", env: env)
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)

                let first = try CLIProcess(["serve", "--project", dir.path, "--log-level", "info"], environment: env)
                try await first.start()
                defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
                let firstBase = "http://127.0.0.1:\(try await first.listeningPort())"
                let (status, body) = try await ServeFreezeTests.chat(client, firstBase, key: key, question: "bump the counter")
                #expect(status == 202, "\(body)")
                let run = try #require(try JSONValue(parsing: body)["runId"]?.stringValue)
                // another run takes the tenant's only slot and holds it in a rate-limited model call
                let blocker = Task { try? await ServeFreezeTests.chat(client, firstBase, key: key, question: "something else") }
                #expect(try await eventually { server.requests.count >= 3 }, "the second run holds the slot")

                let (approved, decided) = try await Self.call(client, .POST, "\(firstBase)/api/v1/runs/\(run)/approve", key: key,
                                                             body: #"{"reason":"go"}"#)
                #expect(approved == 202, "\(decided)")
                #expect(decided["decision"]?.stringValue == "approved")
                kill(first.processIdentifier, SIGKILL)
                let (_, _, firstLogs) = await first.finish()
                _ = await blocker.value
                #expect(firstLogs.contains("an answered run could not be resumed at once"), "the slot was full: \(firstLogs.suffix(2000))")
                #expect(try ApprovalsCommandTests.counter(dir) == "x", "the answer was recorded, the edit not run")

                let second = try CLIProcess(["serve", "--project", dir.path, "--log-level", "info"], environment: env)
                try await second.start()
                defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
                let secondBase = "http://127.0.0.1:\(try await second.listeningPort())"
                #expect(try await eventually(timeout: .seconds(60)) {
                    try await Self.call(client, .GET, "\(secondBase)/api/v1/runs/\(run)", key: key).1["status"]?.stringValue == "completed"
                }, "the second server resumed the answered run")
                #expect(try ApprovalsCommandTests.counter(dir) == "xy", "the approved edit ran exactly once")
                try await client.shutdown()
                kill(second.processIdentifier, SIGTERM)
                _ = await second.finish()
                let events = try await Self.events(dir, run, tenant: "acme")
                #expect(events.filter { $0.kind == .toolStarted && $0.data["name"] == "edit" }.count == 1)
                #expect(events.filter { $0.kind == .approvalGranted }.count == 1)
            }
        }
    }

    /// The approved edit is non-idempotent and slow (a near-miss search over a large file); the
    /// process is killed while it runs. The resume does not call it again: the run needs
    /// attention, and a person's decision (skip) finishes it without a second call.
    @Test func killedDuringTheApprovedCall() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir, config: "")
            let big = String(repeating: "a", count: 400_000)
            let needle = String(repeating: "a", count: 20_000) + "b"
            let write = FakeToolCall(id: "call_w", name: "write", arguments: #"{"path":"counter.txt","content":"\#(big)"}"#)
            let edit = FakeToolCall(id: "call_e", name: "edit", arguments: #"{"path":"counter.txt","old_text":"\#(needle)","new_text":"x"}"#)
            let env = ["OPENAI_API_KEY": "x"]
            let runID: String = try await withFakeOpenAIServer(replies: [.toolCalls([write]), .toolCalls([edit])]) { server in
                let (status, out, err) = try await CLIProcess.run(["chat", "--project", dir.path, "--json", "edit it"],
                                                                  environment: env.merging(["OPENAI_BASE_URL": server.baseURL]) { $1 })
                #expect(status == 0, "\(err)")
                return try #require(try JSONValue(parsing: out.trimmingCharacters(in: .whitespacesAndNewlines))["runId"]?.stringValue)
            }
            let approve = try CLIProcess(["approvals", "approve", runID, "--project", dir.path, "--by", "ops"], environment: env)
            try await approve.start()
            defer { if approve.isRunning { kill(approve.processIdentifier, SIGKILL) } }
            #expect(try await eventually {
                try await SQLiteStorage.withStorage(path: dir.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
                    try await storage.store.loadJournal(RunID(runID), tenant: "default").contains { $0.key == "turn/2/tool/call_e" && $0.state == .started }
                }
            }, "the approved edit started")
            kill(approve.processIdentifier, SIGKILL)
            _ = await approve.finish()

            let (resumed, _, resumeErr) = try await CLIProcess.run(["runs", "resume", runID, "--project", dir.path], environment: env)
            #expect(resumed != 0)
            #expect(resumeErr.contains("non-idempotent tool 'edit' and was interrupted mid-call"), "\(resumeErr)")
            try await withFakeOpenAIServer(replies: [.text("Not edited; I told the user.")]) { server in
                let (status, out, err) = try await CLIProcess.run(["runs", "resume", runID, "--project", dir.path, "--skip-with", #""skipped by ops""#],
                                                                  environment: env.merging(["OPENAI_BASE_URL": server.baseURL]) { $1 })
                #expect(status == 0, "\(err)")
                #expect(out.contains("Not edited; I told the user."))
            }
            let events = try await Self.events(dir, runID, tenant: "default")
            #expect(events.filter { $0.kind == .toolStarted && $0.data["name"] == "edit" }.count == 1, "the edit was called once")
            #expect(try ApprovalsCommandTests.counter(dir).count == big.count, "the interrupted edit changed nothing")
        }
    }
}
