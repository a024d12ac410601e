import AviaryApp
import AviaryCore
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// `aviary chat` stops at a tool call that needs approval; `aviary approvals list|approve|reject`
/// decide it; an approved non-idempotent call runs exactly once, even when the process that ran
/// it is killed before the run finished.
@Suite struct ApprovalsCommandTests {
    static func writeProject(_ dir: URL) throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        try "model: openai/fake-model\ndefault_agent: clerk\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        try """
        name: clerk
        instructions: You keep the counter file.
        tools: [write, edit]
        approvals:
          edit: {when: "replace_all == `true`"}
        """.write(to: dir.appendingPathComponent("agents/clerk.yaml"), atomically: true, encoding: .utf8)
    }

    /// The counter file in the run's session workspace.
    static func counter(_ dir: URL) throws -> String {
        let root = dir.appendingPathComponent(".aviary/sessions")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let file = try #require(files.first { $0.lastPathComponent == "counter.txt" })
        return try String(contentsOf: file, encoding: .utf8)
    }

    @Test func anApprovedEditRunsOnceAcrossAKillAndARejectionTellsTheModel() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir)
            let write = FakeToolCall(id: "call_w", name: "write", arguments: #"{"path":"counter.txt","content":"x"}"#)
            // appending by replace_all: a second run of the edit would leave "xyy"
            let edit = FakeToolCall(id: "call_e", name: "edit",
                                    arguments: #"{"path":"counter.txt","old_text":"x","new_text":"xy","replace_all":true}"#)
            let runID: String = try await withFakeOpenAIServer(replies: [.toolCalls([write]), .toolCalls([edit])]) { server in
                let env = ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL]
                let (status, out, err) = try await CLIProcess.run(["chat", "--project", dir.path, "--json", "bump the counter"], environment: env)
                #expect(status == 0, "a turn that waits for a decision is not a failure")
                #expect(err.contains("waits for approval"), "\(err)")
                let line = try JSONValue(parsing: out.trimmingCharacters(in: .whitespacesAndNewlines))
                #expect(line["status"]?.stringValue == "waiting")
                #expect(try Self.counter(dir) == "x", "the edit waits")

                let (listed, listing, _) = try await CLIProcess.run(["approvals", "list", "--project", dir.path, "--json"], environment: env)
                #expect(listed == 0)
                let approval = try JSONValue(parsing: listing.trimmingCharacters(in: .whitespacesAndNewlines))
                #expect(approval["tool"]?.stringValue == "edit")
                #expect(approval["arguments"]?["replace_all"] == true)
                return try #require(line["runId"]?.stringValue)
            }

            // approve; the model call after the edit is rate-limited for 30 s, so the process is
            // certainly mid-run, after the approved edit, when it is killed
            try await withFakeOpenAIServer(replies: [
                .error(status: 429, body: #"{"error":{"message":"slow down","type":"rate_limit"}}"#, retryAfter: "30"),
            ]) { server in
                let cli = try CLIProcess(["approvals", "approve", runID, "--project", dir.path, "--by", "ops"],
                                         environment: ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL])
                try await cli.start()
                #expect(try await eventually { server.requests.count >= 1 || !cli.isRunning })
                kill(cli.processIdentifier, SIGKILL)
                _ = await cli.finish()
            }
            #expect(try Self.counter(dir) == "xy", "the approved edit ran")

            try await withFakeOpenAIServer(replies: [.text("Counter bumped.")]) { server in
                let (status, out, err) = try await CLIProcess.run(["runs", "resume", runID, "--project", dir.path],
                                                                  environment: ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL])
                #expect(status == 0, "\(err)")
                #expect(out.contains("Counter bumped."))
            }
            #expect(try Self.counter(dir) == "xy", "exactly once: the resume did not run the edit again")
            let again = try await CLIProcess.run(["approvals", "reject", runID, "--project", dir.path], environment: ["OPENAI_API_KEY": "x"])
            #expect(again.0 != 0)
            #expect(again.2.contains("is completed, not waiting"), "\(again.2)")

            try await SQLiteStorage.withStorage(path: dir.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
                let events = try await storage.store.loadEvents(RunID(runID), tenant: "default")
                #expect(events.filter { $0.kind == .toolStarted && $0.data["name"] == "edit" }.count == 1)
                let granted = try #require(events.first { $0.kind == .approvalGranted })
                #expect(granted.data["by"] == "ops")
            }
        }
    }
}
