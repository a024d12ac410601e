import AviaryApp
import AviaryCore
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// Kills a real `aviary chat` process mid-run (SIGKILL) and resumes the run with `aviary runs resume`:
/// the completed tool call is not repeated and the completed model call is not paid for again —
/// under the shipped binary's executor (`loop`) and under NIO's take-over (`AVIARY_EXECUTOR=nio`).
@Suite struct KillAndResumeTests {
    static func writeProject(_ dir: URL) throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        try "model: openai/fake-model\ndefault_agent: scribe\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        try """
        name: scribe
        instructions: You save notes with the write tool.
        tools: [write]
        """.write(to: dir.appendingPathComponent("agents/scribe.yaml"), atomically: true, encoding: .utf8)
    }

    @Test(arguments: ["loop", "nio"])
    func killedChatResumesWithoutRepeatingCompletedSteps(executor: String) async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir)
            let writeCall = FakeToolCall(id: "call_w", name: "write", arguments: #"{"path":"note.txt","content":"remember the milk"}"#)
            // Phase 1: the model asks for the write; its next request is rate-limited for 30 s, so the
            // process is certainly mid-run (waiting to retry turn 2) when we kill it.
            let runID: RunID = try await withFakeOpenAIServer(replies: [
                .toolCalls([writeCall]), .error(status: 429, body: #"{"error":{"message":"slow down","type":"rate_limit"}}"#, retryAfter: "30"),
            ]) { server in
                let cli = try CLIProcess(["chat", "--project", dir.path, "note the milk"],
                                         environment: ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL, "AVIARY_EXECUTOR": executor])
                try await cli.start()
                let reached = try await eventually { server.requests.count >= 2 || !cli.isRunning }
                #expect(reached)
                guard cli.isRunning else {
                    let early = await cli.finish()
                    Issue.record("aviary exited before it could be killed: \(early)")
                    throw CLIError(message: "aviary exited early")
                }
                kill(cli.processIdentifier, SIGKILL)
                let (status, _, _) = await cli.finish()
                #expect(status != 0)
                return try await SQLiteStorage.withStorage(path: dir.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
                    let runs = try await storage.store.listRuns(tenant: "default", limit: 5)
                    let run = try #require(runs.first)
                    #expect(run.status == .running)
                    let journal = try await storage.store.loadJournal(run.id, tenant: "default")
                    #expect(journal.contains { $0.key == "turn/1/model" && $0.state == .completed })
                    #expect(journal.contains { $0.key == "turn/1/tool/call_w" && $0.state == .completed })
                    return run.id
                }
            }
            let note = dir.appendingPathComponent(".aviary/sessions").path
            #expect(FileManager.default.fileExists(atPath: note))

            // Phase 2: resume against a fresh server that only knows the final answer.
            try await withFakeOpenAIServer(replies: [.text("Saved your note.")]) { server in
                let (status, out, err) = try await CLIProcess.run(["runs", "resume", runID.rawValue, "--project", dir.path],
                                                            environment: ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL,
                                                                          "AVIARY_EXECUTOR": executor])
                #expect(status == 0, "resume failed: \(err)")
                #expect(out.contains("completed"))
                #expect(out.contains("Saved your note."))
                #expect(server.requests.count == 1, "resume must not repeat the completed turn-1 model call")
                let messages = server.requestBodies.first?["messages"]?.arrayValue ?? []
                #expect(messages.contains { $0["role"] == "tool" && $0["tool_call_id"] == "call_w" },
                        "the recorded tool result is replayed to the model")
            }
            try await SQLiteStorage.withStorage(path: dir.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
                let events = try await storage.store.loadEvents(runID, tenant: "default")
                #expect(events.filter { $0.kind == .toolStarted }.count == 1, "the completed write must not run again")
                #expect(events.last?.kind == .runFinished)
                #expect(events.map(\.sequence) == Array(1...events.count))
            }
        }
    }

    @Test func missingKeyIsAOneLineErrorSayingWhatToSet() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir)
            let (status, _, err) = try await CLIProcess.run(["chat", "--project", dir.path, "hi"], environment: [:])
            #expect(status != 0)
            #expect(err.contains("OPENAI_API_KEY"))
            #expect(err.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == 1)
        }
    }

    @Test func validateReportsFileAndField() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir)
            try "name: broken\nkind: reactive\ninstructions: hi\n".write(to: dir.appendingPathComponent("agents/broken.yaml"), atomically: true, encoding: .utf8)
            let (status, _, err) = try await CLIProcess.run(["validate", "--project", dir.path], environment: [:])
            #expect(status != 0)
            #expect(err.contains("agents/broken.yaml: field 'kind'"))
        }
    }
}
