import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

/// Interrupts runs at every step boundary and resumes them: completed model calls and tool calls
/// are never repeated.
@Suite struct DurabilityTests {
    /// Number of store writes an uninterrupted tool-loop run makes.
    static func writesOfACleanRun() async throws -> Int {
        try await RuntimeFixture.with { fx in
            let counting = CrashingStore(fx.storage.store, crashAfterWrites: Int.max - 1)
            let (c, i) = ToolLoop.tools()
            let run = try await fx.runtime(agents: [ToolLoop.agent], tools: [c, i], model: ToolLoop.model(), store: counting)
                .run(.question("q", agent: "support"))
            #expect(run.status == .completed)
            return try await fx.storage.store.loadJournal(run.id, tenant: "default").count * 2 + 2
        }
    }

    /// With `pure` tools (`ToolPolicy.computation`) a model step and the tool call after it are
    /// one write, so a crash loses both or neither.
    @Test(arguments: 1...16, [false, true])
    func toolLoopResumesAfterCrashAtWrite(_ crashAfter: Int, pure: Bool) async throws {
        try await RuntimeFixture.with { fx in
            let modelCalls = Mutex(0)
            let base = ToolLoop.model()
            let model = FunctionModel { r in modelCalls.withLock { $0 += 1 }; return try await base.respond(to: r) }
            let policy: ToolPolicy = pure ? .computation : .readOnly
            let (customer, incidents) = ToolLoop.tools(customerPolicy: policy, incidentsPolicy: policy)
            let crashing = CrashingStore(fx.storage.store, crashAfterWrites: crashAfter)
            let runID = RunID("run_crash_\(crashAfter)_\(pure)")
            var request = RunRequest.question("q", agent: "support")
            request.runID = runID
            let first = try? await fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: model, store: crashing).run(request)
            guard crashing.crashed else {
                // The run finished before this many writes: nothing to resume.
                #expect(first?.status == .completed)
                return
            }
            guard try await fx.storage.store.loadRun(runID, tenant: "default") != nil else { return } // crashed before the run existed
            let journal = try await fx.storage.store.loadJournal(runID, tenant: "default")
            let done = Set(journal.filter { $0.state == .completed }.map(\.key))
            let modelDone = done.filter { $0.hasSuffix("/model") }.count
            let customerDone = done.contains { $0.contains("/tool/call_0") }
            let incidentsDone = done.contains { $0.contains("/tool/call_1") }
            let callsBefore = modelCalls.withLock { $0 }
            let customerBefore = customer.callCount, incidentsBefore = incidents.callCount

            let counting = CrashingStore(fx.storage.store, crashAfterWrites: Int.max - 1)
            let resumed = try await fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: model, store: counting)
                .resume(runID, tenant: "default")
            #expect(resumed.status == .completed)
            #expect(counting.eventLoadCount == 0, "resume continues the event numbering without reading the events")
            #expect(resumed.output == "Customer c42 is active; 1 incident open.")
            #expect(modelCalls.withLock { $0 } - callsBefore == 3 - modelDone, "resume repeated a completed model call")
            #expect(customer.callCount - customerBefore == (customerDone ? 0 : 1))
            #expect(incidents.callCount - incidentsBefore == (incidentsDone ? 0 : 1))
            #expect(resumed.usage.requests == 3)
            let events = try await fx.storage.store.loadEvents(runID, tenant: "default")
            #expect(events.map(\.sequence) == Array(1...events.count), "event sequence has gaps or duplicates")
        }
    }

    @Test func crashPointsCoverEveryWriteOfARun() async throws {
        let writes = try await Self.writesOfACleanRun()
        #expect(writes <= 16, "extend the crash-point range to \(writes)")
    }

    @Test func pureToolCallsAreWrittenWithTheModelStepBeforeThem() async throws {
        try await RuntimeFixture.with { fx in
            let (customer, incidents) = ToolLoop.tools(customerPolicy: .computation, incidentsPolicy: .computation)
            let counting = CrashingStore(fx.storage.store, crashAfterWrites: Int.max - 1)
            let run = try await fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: ToolLoop.model(), store: counting)
                .run(.question("q", agent: "support"))
            #expect(run.status == .completed)
            // Writes: the run's creation; each model step with its tool call (one write each,
            // before the next model call); the final step, events and run (one write) = 4, where
            // read-only tools make 6.
            #expect(counting.writeCount == 4)
            let together = counting.combinedWrites.map { $0.compactMap(\.step?.key) }
            #expect(together == [["turn/1/model", "turn/1/tool/call_0"], ["turn/2/model", "turn/2/tool/call_1"]])
            // The events go with the first step: the model's response and the tool's whole call.
            let firstEvents = counting.combinedWrites.first?.first?.events.map(\.kind) ?? []
            #expect(firstEvents.suffix(3) == [.modelResponse, .toolStarted, .toolFinished])
            #expect(counting.combinedWrites.allSatisfy { $0.dropFirst().allSatisfy(\.events.isEmpty) })
            let journal = try await fx.storage.store.loadJournal(run.id, tenant: "default")
            #expect(journal.filter { $0.state == .completed }.count == 5)
            #expect(customer.callCount == 1 && incidents.callCount == 1)
        }
    }

    @Test func aNonIdempotentToolInterruptedMidCallNeedsAttention() async throws {
        try await RuntimeFixture.with { fx in
            let (_, incidents) = ToolLoop.tools()
            let gate = Mutex(true)
            // First execution "dies" mid-call: the tool throws a crash after its started step was recorded.
            let customer = ClosureTool("get_customer", parameters: ["type": "object"], policy: ToolPolicy(idempotent: false)) { _, _ in
                if gate.withLock({ let g = $0; $0 = false; return g }) { throw CrashingStore.Crash() }
                return ToolOutput(["status": "active"])
            }
            let runID = RunID("run_na")
            var request = RunRequest.question("q", agent: "support")
            request.runID = runID
            // Writes: the run's creation, then the model step with the tool's started step (one
            // write); the tool then dies mid-call.
            let crashing = CrashingStore(fx.storage.store, crashAfterWrites: 2)
            _ = try? await fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: ToolLoop.model(), store: crashing).run(request)
            let journal = try await fx.storage.store.loadJournal(runID, tenant: "default")
            try #require(journal.contains { $0.key.contains("/tool/") && $0.state == .started })

            let runtime = fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: ToolLoop.model())
            let stopped = try await runtime.resume(runID, tenant: "default")
            #expect(stopped.status == .needsAttention)
            #expect(stopped.error?.contains("non-idempotent") == true)
            #expect(customer.callCount == 1)

            let skipped = try await runtime.resume(runID, tenant: "default", decision: .skip(["status": "active"]))
            #expect(skipped.status == .completed)
            #expect(customer.callCount == 1, "a skipped step must not run the tool")
        }
    }

    @Test func retryDecisionRunsTheInterruptedStepOnce() async throws {
        try await RuntimeFixture.with { fx in
            let (_, incidents) = ToolLoop.tools()
            let customer = ClosureTool("get_customer", parameters: ["type": "object"], policy: ToolPolicy(idempotent: false)) { _, _ in
                ToolOutput(["status": "active"])
            }
            let runID = RunID("run_retry")
            var request = RunRequest.question("q", agent: "support")
            request.runID = runID
            // Writes: createRun(1), model completed with tool started(2) → die before the tool's completion.
            let crashing = CrashingStore(fx.storage.store, crashAfterWrites: 2)
            _ = try? await fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: ToolLoop.model(), store: crashing).run(request)
            let runtime = fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: ToolLoop.model())
            #expect(try await runtime.resume(runID, tenant: "default").status == .needsAttention)
            let before = customer.callCount
            let done = try await runtime.resume(runID, tenant: "default", decision: .retry)
            #expect(done.status == .completed)
            #expect(customer.callCount == before + 1)
        }
    }
}
