import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOHTTP1
import Testing

@Suite struct RunRoutesTests {
    /// Starts a chat whose tool waits at `gate`; returns the run id once the tool is running.
    static func startBlockedChat(_ fx: ServerFixture, key: String, gate: AsyncGate) async throws -> (RunID, Task<HTTPResult, any Error>) {
        let chat = Task { try await fx.call(.POST, "/chat", key: key, json: ["question": "slow one"]) }
        await gate.waitForArrivals(1)
        let runs = try await fx.store.listRuns(RunQuery(tenant: "acme", topLevelOnly: true, limit: 5))
        let run = try #require(runs.first { $0.status == .running })
        return (run.id, chat)
    }

    @Test func ownersAndAdminsSeeRunsOthersDoNot() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let alice = try await fx.key(principal: "alice")
            let bob = try await fx.key(principal: "bob")
            let admin = try await fx.key(role: .admin, principal: "root")
            let stranger = try await fx.key(tenant: "evil", role: .admin, principal: "root")
            let chat = try await fx.call(.POST, "/chat", key: alice, json: ["question": "hi"])
            let run = try #require(chat.json?["runId"]?.stringValue)

            let mine = try await fx.call(.GET, "/api/v1/runs/\(run)", key: alice)
            #expect(mine.status == 200)
            #expect(mine.json?["status"]?.stringValue == "completed")
            #expect(mine.json?["usage"]?["total_tokens"]?.intValue == 42)
            #expect(try await fx.call(.GET, "/api/v1/runs/\(run)", key: admin).status == 200)
            #expect(try await fx.call(.GET, "/api/v1/runs/\(run)", key: bob).status == 403)
            for path in ["/api/v1/runs/\(run)", "/api/v1/runs/\(run)/events", "/api/v1/runs/\(run)/events?follow=false"] {
                let r = try await fx.call(.GET, path, key: stranger)
                #expect(r.status == 404, "\(path)")
                #expect(r.errorCode == "not_found")
            }
            for path in ["/api/v1/runs/\(run)/resume", "/api/v1/runs/\(run)/cancel"] {
                #expect(try await fx.call(.POST, path, key: stranger).status == 404, "\(path)")
                #expect(try await fx.call(.POST, path, key: bob).status == 403, "\(path)")
            }
            #expect(try await fx.call(.GET, "/api/v1/runs/run_doesnotexist", key: alice).status == 404)

            let listed = try await fx.call(.GET, "/api/v1/runs", key: alice)
            #expect(listed.json?["runs"]?.arrayValue?.map { $0["id"]?.stringValue } == [run])
            #expect(try await fx.call(.GET, "/api/v1/runs", key: bob).json?["runs"]?.arrayValue?.isEmpty == true)
            #expect(try await fx.call(.GET, "/api/v1/runs?status=bogus", key: alice).status == 400)
            #expect(try await fx.call(.POST, "/api/v1/runs/\(run)/resume", key: alice).status == 409, "completed runs do not resume")
        }
    }

    @Test func aRunExecutingInAnotherProcessIsAConflictAndCannotBeCancelledFromHere() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let key = try await fx.key(principal: "alice")
            var run = RunRecord(id: RunID("run_elsewhere"), tenant: "acme", principal: "key:alice", agent: TestAgents.support.name,
                                input: ["question": "hi"], status: .running)
            run.lease = RunLease(owner: "other-host/42/x", expiresAt: Date().addingTimeInterval(600))
            try await fx.store.createRun(run)
            for path in ["/api/v1/runs/run_elsewhere/resume", "/api/v1/runs/run_elsewhere/cancel"] {
                let r = try await fx.call(.POST, path, key: key)
                #expect(r.status == 409, "\(path)")
                #expect(r.json?["error"]?["message"]?.stringValue?.contains("in another process (other-host/42/x") == true, "\(path): \(r.json ?? .null)")
            }
            #expect(try await fx.store.loadRun(RunID("run_elsewhere"), tenant: "acme")?.status == .running, "the run is unharmed")
        }
    }

    @Test func eventsReplayFromLastEventIDAndEndWithTheRun() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let key = try await fx.key()
            let chat = try await fx.call(.POST, "/chat", key: key, json: ["question": "hi"])
            let run = try #require(chat.json?["runId"]?.stringValue)
            let all = try await fx.stream(.GET, "/api/v1/runs/\(run)/events", key: key)
            #expect(all.status == 200)
            let frames = try await all.lines.frames().filter { $0.comment == nil }
            let kinds = frames.compactMap(\.event)
            #expect(kinds.first == "run.started")
            #expect(kinds.last == "run.finished")
            #expect(kinds.contains("tool.started") && kinds.contains("tool.finished") && kinds.contains("model.response"))
            #expect(frames.compactMap { $0.id.flatMap(Int.init) } == Array(1...frames.count), "ids are the gap-free sequence")
            // The `user` role gets the production view: no tool arguments, outputs or reasoning.
            let started = try #require(frames.first { $0.event == "tool.started" }?.json)
            #expect(started["data"]?["arguments"] == nil, "no tool arguments for an end user")
            #expect(started["data"]?["name"]?.stringValue == "get_customer")
            #expect(started["run_id"]?.stringValue == run)
            #expect(frames.first { $0.event == "tool.finished" }?.json?["data"]?["output"] == nil, "no tool output for an end user")
            // Admins (and builders) see everything.
            let admin = try await fx.key(role: .admin, principal: "root")
            let full = try await fx.stream(.GET, "/api/v1/runs/\(run)/events", key: admin).lines.frames()
            #expect(full.first { $0.event == "tool.started" }?.json?["data"]?["arguments"] == ["customer_id": "c42"], "full arguments")
            #expect(full.first { $0.event == "tool.finished" }?.json?["data"]?["output"]?.stringValue?.isEmpty == false)

            let resumed = try await fx.stream(.GET, "/api/v1/runs/\(run)/events", key: key, headers: [("Last-Event-ID", "3")])
            let rest = try await resumed.lines.frames().compactMap { $0.id.flatMap(Int.init) }
            #expect(rest == Array(4...frames.count))
            let atEnd = try await fx.stream(.GET, "/api/v1/runs/\(run)/events?after=\(frames.count)", key: key)
            #expect(try await atEnd.lines.frames().isEmpty, "a reconnect after the last event ends at once")
            #expect(try await fx.call(.GET, "/api/v1/runs/\(run)/events", key: key, headers: [("Last-Event-ID", "x")]).status == 400)
        }
    }

    @Test func liveTailDeliversToolLifecycleWhileTheRunExecutes() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool(gate: gate)], model: TestAgents.model(),
                                     configure: { $0.heartbeatInterval = .milliseconds(50) }) { fx in
            let key = try await fx.key()
            let (runID, chat) = try await Self.startBlockedChat(fx, key: key, gate: gate)
            let live = try await fx.stream(.GET, "/api/v1/runs/\(runID)/events", key: key)
            var seen: [SSEFrame] = []
            // read until the tool has started and a heartbeat came, then let the tool finish
            while let frame = try await live.lines.nextFrame() {
                seen.append(frame)
                if seen.contains(where: { $0.event == "tool.started" }) && seen.contains(where: { $0.comment == "heartbeat" }) { break }
            }
            #expect(try await fx.store.loadRun(runID, tenant: "acme")?.status == .running, "the stream is live, not replayed")
            gate.open()
            seen += try await live.lines.frames()
            let kinds = seen.compactMap(\.event)
            #expect(kinds.last == "run.finished")
            let ids = seen.compactMap { $0.id.flatMap(Int.init) }
            #expect(ids == Array(1...ids.count), "in order, no gaps, no duplicates")
            #expect(try await chat.value.status == 200)
        }
    }

    @Test func cancellingAnExecutingRunStopsItAtTheNextStep() async throws {
        let gate = AsyncGate()
        let tool = TestAgents.customerTool(gate: gate)
        try await ServerFixture.with(agents: [TestAgents.support], tools: [tool], model: TestAgents.model()) { fx in
            let key = try await fx.key()
            let (runID, chat) = try await Self.startBlockedChat(fx, key: key, gate: gate)
            let cancel = try await fx.call(.POST, "/api/v1/runs/\(runID)/cancel", key: key)
            #expect(cancel.status == 202)
            #expect(cancel.json?["status"]?.stringValue == "cancelling")
            gate.open()
            let answer = try await chat.value
            #expect(answer.status == 409)
            #expect(answer.errorCode == "cancelled")
            let run = try await fx.call(.GET, "/api/v1/runs/\(runID)", key: key)
            #expect(run.json?["status"]?.stringValue == "cancelled")
            let events = try await fx.store.loadEvents(runID, tenant: "acme").map(\.kind)
            #expect(events.last == .runCancelled)
            #expect(!events.contains(.modelRequest) || events.filter { $0 == .modelRequest }.count == 1, "no model call after the cancel")
            #expect(try await fx.call(.POST, "/api/v1/runs/\(runID)/cancel", key: key).status == 409, "already cancelled")
        }
    }

    @Test func needsAttentionRunsAreCancelledOrResumedWithADecision() async throws {
        // a non-idempotent tool found `started` (process died mid-call) stops the run in needs_attention
        let tool = TestAgents.customerTool(policy: ToolPolicy(idempotent: false))
        try await withTemporaryDirectory { dir in
            let runID = RunID("run_attention")
            let stepKey = "turn/1/tool/call_1"
            try await ServerFixture.with(agents: [TestAgents.support], tools: [tool], model: TestAgents.model(), directory: dir) { fx in
                try await fx.store.createRun(RunRecord(id: runID, tenant: "acme", principal: "key:alice", agent: "support",
                                                      input: ["question": "hi"], status: .running))
                let response = ModelResponse.toolCall("get_customer", ["customer_id": "c42"], id: "call_1")
                try await fx.store.record(JournalEntry(runID: runID, key: "turn/1/model", state: .completed, output: response.json),
                                          tenant: "acme", events: [])
                try await fx.store.record(JournalEntry(runID: runID, key: stepKey, state: .started), tenant: "acme", events: [])
                let key = try await fx.key()
                let first = try await fx.call(.POST, "/api/v1/runs/\(runID)/resume", key: key, json: ["wait": true])
                #expect(first.json?["status"]?.stringValue == "needs_attention")
                let noDecision = try await fx.call(.POST, "/api/v1/runs/\(runID)/resume", key: key)
                #expect(noDecision.status == 400)
                #expect(noDecision.errorCode == "decision_required")
                #expect(try await fx.call(.POST, "/api/v1/runs/\(runID)/resume", key: key, json: ["decision": "maybe"]).status == 400)
                let skipped = try await fx.call(.POST, "/api/v1/runs/\(runID)/resume", key: key,
                                                json: ["decision": ["skip_with": ["status": "active"]], "wait": true])
                #expect(skipped.status == 200)
                #expect(skipped.json?["status"]?.stringValue == "completed")
                #expect(tool.callCount == 0, "skipped, never re-run")
            }
        }
    }

    @Test func anIdleRunCanBeCancelled() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let runID = RunID("run_idle")
            try await fx.store.createRun(RunRecord(id: runID, tenant: "acme", principal: "key:alice", agent: "support",
                                                  input: ["question": "hi"], status: .interrupted))
            let key = try await fx.key()
            let r = try await fx.call(.POST, "/api/v1/runs/\(runID)/cancel", key: key)
            #expect(r.status == 200)
            #expect(r.json?["status"]?.stringValue == "cancelled")
            #expect(try await fx.store.loadEvents(runID, tenant: "acme").last?.kind == .runCancelled)
        }
    }

    @Test func resumeAnswersAcceptedOnceTheRunExecutesAndTheStreamFollowsIt() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool(gate: gate)], model: TestAgents.model()) { fx in
            let runID = RunID("run_interrupted")
            try await fx.store.createRun(RunRecord(id: runID, tenant: "acme", principal: "key:alice", agent: "support",
                                                  input: ["question": "hi"], status: .interrupted))
            try await fx.store.appendEvents([RunEvent(runID: runID, sequence: 1, tenant: "acme", kind: .runStarted,
                                                      data: ["agent": "support", "input": ["question": "hi"]]),
                                             RunEvent(runID: runID, sequence: 2, tenant: "acme", kind: .runInterrupted,
                                                      data: ["error": "the server shut down"])])
            let key = try await fx.key()
            let accepted = try await fx.call(.POST, "/api/v1/runs/\(runID)/resume", key: key)
            #expect(accepted.status == 202)
            let stream = try await fx.stream(.GET, "/api/v1/runs/\(runID)/events", key: key)
            var kinds: [String] = []
            while let frame = try await stream.lines.nextFrame() {
                if let e = frame.event { kinds.append(e) }
                if frame.event == "tool.started" { gate.open() }
            }
            #expect(kinds.first == "run.started")
            #expect(kinds.contains("run.interrupted") && kinds.contains("run.resumed"), "old execution, then the new one")
            #expect(kinds.last == "run.finished", "the stream follows the resumed execution to its end")
        }
    }
}
