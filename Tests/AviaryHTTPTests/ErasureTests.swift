import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOHTTP1
import Testing

/// The right to erasure holds against a run that is executing: nothing the run writes after the
/// `DELETE` outlives it, and runs without a session can be erased too.
@Suite struct ErasureTests {
    /// `get_customer` that waits at a gate, then writes a file into the session's workspace.
    static func writingTool(gate: AsyncGate) -> ClosureTool {
        ClosureTool("get_customer", parameters: ["type": "object", "properties": ["customer_id": ["type": "string"]]]) { _, context in
            await gate.wait()
            if let workspace = context.workspace {
                try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
                try Data("private notes".utf8).write(to: workspace.appendingPathComponent("notes.txt"))
            }
            return ToolOutput(["id": "c42", "name": "Acme Corp"])
        }
    }

    @Test func deletingASessionDuringARunLeavesNothingBehind() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [TestAgents.support], tools: [Self.writingTool(gate: gate)], model: TestAgents.model()) { fx in
            let key = try await fx.key()
            let (runID, chat) = try await RunRoutesTests.startBlockedChat(fx, key: key, gate: gate)
            let run = try #require(try await fx.store.loadRun(runID, tenant: "acme"))
            let session = try #require(run.sessionID)

            let erase = Task { try await fx.call(.DELETE, "/sessions/\(session)", key: key) }
            // the erasure has begun (no run of the session may start, the executing one is asked to stop) …
            while !fx.runtime.activeRuns.isErasing(session: session) { await Task.yield() }
            // … and waits for the run, which now finishes its tool call and writes its file
            gate.open()
            let erased = try await erase.value
            #expect(erased.status == 204)
            _ = try? await chat.value

            #expect(try await fx.store.loadSession(session, tenant: "acme") == nil)
            #expect(try await fx.store.loadRun(runID, tenant: "acme") == nil)
            #expect(try await fx.store.loadEvents(runID, tenant: "acme").isEmpty)
            #expect(try await fx.store.loadJournal(runID, tenant: "acme").isEmpty)
            #expect(try await fx.store.loadTranscript(sessionID: session, tenant: "acme", agent: "support").isEmpty)
            #expect(try await fx.store.listRuns(RunQuery(tenant: "acme", sessionID: session, limit: 10)).isEmpty)
            let folder = try #require(fx.runtime.workspace(forSession: session, tenant: "acme")).deletingLastPathComponent()
            #expect(!FileManager.default.fileExists(atPath: folder.path), "the workspace the run wrote is gone")
            #expect(fx.runtime.activeRuns.count == 0)

            // a chat naming the erased session gets a new one
            let again = try await fx.call(.POST, "/chat", key: key, json: ["question": "hi", "sessionId": .string(session)])
            #expect(again.status == 200 || again.status == 503, "\(again.status)")
            #expect(again.json?["sessionId"]?.stringValue != session)
        }
    }

    @Test func aRunWithoutASessionIsErasedWithItsEventsAndJournal() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let alice = try await fx.key(principal: "alice")
            let bob = try await fx.key(principal: "bob")
            let r = try await fx.call(.POST, "/v1/chat/completions", key: alice, json: [
                "model": "support", "messages": [["role": "user", "content": "my card number is 4111 1111 1111 1111"]],
            ])
            #expect(r.status == 200)
            let runID = RunID(try #require(r.headers["X-Aviary-Run-ID"].first))
            #expect(try await fx.store.loadEvents(runID, tenant: "acme").isEmpty == false)

            #expect(try await fx.call(.DELETE, "/api/v1/runs/\(runID)", key: bob).status == 403)
            #expect(try await fx.call(.DELETE, "/api/v1/runs/run_nosuchrun", key: alice).status == 404)
            #expect(try await fx.call(.DELETE, "/api/v1/runs/\(runID)", key: alice).status == 204)
            #expect(try await fx.call(.GET, "/api/v1/runs/\(runID)", key: alice).status == 404)
            #expect(try await fx.store.loadRun(runID, tenant: "acme") == nil)
            #expect(try await fx.store.loadEvents(runID, tenant: "acme").isEmpty)
            #expect(try await fx.store.loadJournal(runID, tenant: "acme").isEmpty)
            #expect(try await fx.call(.DELETE, "/api/v1/runs/\(runID)", key: alice).status == 404)

            // a run of a session is erased with its session
            let chat = try await fx.call(.POST, "/chat", key: alice, json: ["question": "hi"])
            let chatRun = try #require(chat.json?["runId"]?.stringValue)
            let conflict = try await fx.call(.DELETE, "/api/v1/runs/\(chatRun)", key: alice)
            #expect(conflict.status == 409)
            #expect(conflict.json?["error"]?["message"]?.stringValue?.contains("DELETE /sessions/") == true)
        }
    }
}
