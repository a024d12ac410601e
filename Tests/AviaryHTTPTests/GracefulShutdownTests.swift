import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOHTTP1
import ServiceLifecycle
import Testing

@Suite struct GracefulShutdownTests {
    /// SIGTERM-like shutdown mid-run: the run stops at the next step boundary as `interrupted`,
    /// the waiting request gets 503, and the next server resumes it by itself, without repeating
    /// the finished tool call.
    @Test func inFlightRunsStopAtAStepBoundaryAndResumeAfterRestart() async throws {
        try await withTemporaryDirectory { dir in
            let gate = AsyncGate()
            let tool = TestAgents.customerTool(gate: gate)
            let model = TestAgents.model()
            let runID: RunID = try await ServerFixture.with(agents: [TestAgents.support], tools: [tool], model: model, directory: dir) { fx in
                let key = try await fx.key()
                let (runID, chat) = try await RunRoutesTests.startBlockedChat(fx, key: key, gate: gate)
                let shutdown = Task { await fx.group.triggerGracefulShutdown() }
                // once the supervisor has asked runs to suspend, let the tool finish: the run stops at the next boundary
                let deadline = ContinuousClock.now + .seconds(30)
                while !fx.runtime.activeRuns.isSuspending && ContinuousClock.now < deadline { await Task.yield() }
                #expect(fx.runtime.activeRuns.isSuspending)
                gate.open()
                let answer = try await chat.value
                #expect(answer.status == 503)
                #expect(answer.errorCode == "shutting_down")
                await shutdown.value
                return runID
            }
            let stopped = try await SQLiteStorage.withStorage(path: dir.appendingPathComponent("aviary.sqlite").path) { storage in
                try #require(try await storage.store.loadRun(runID, tenant: "acme"))
            }
            #expect(stopped.status == .interrupted)
            #expect(tool.callCount == 1)
            // the next server claims the interrupted run at start and finishes it
            try await ServerFixture.with(agents: [TestAgents.support], tools: [tool], model: model, directory: dir) { fx in
                let key = try await fx.key()
                let stream = try await fx.stream(.GET, "/api/v1/runs/\(runID)/events", key: key)
                let streamed = try await stream.lines.frames()
                #expect(streamed.compactMap(\.event).last == "run.finished", "\(streamed)")
                let run = try await fx.call(.GET, "/api/v1/runs/\(runID)", key: key)
                #expect(run.json?["status"]?.stringValue == "completed")
                #expect(run.json?["output"]?.stringValue?.hasPrefix("Customer c42 is active.") == true)
                #expect(tool.callCount == 1, "the completed tool call was not repeated")
                let kinds = try await fx.store.loadEvents(runID, tenant: "acme").map(\.kind)
                #expect(kinds.contains(.runInterrupted))
                #expect(kinds.last == .runFinished)
            }
        }
    }
}
