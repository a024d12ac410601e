import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

/// A run executes in at most one place: runtimes with owners of their own share one store, as
/// processes share a database, and their clocks are driven instead of waited on.
@Suite("Run leases")
struct RunLeaseTests {
    /// A clock the test moves.
    final class TestTime: Sendable {
        private let seconds = Mutex(Date().timeIntervalSince1970)
        var now: Date { Date(timeIntervalSince1970: seconds.withLock { $0 }) }
        func advance(_ by: TimeInterval) { seconds.withLock { $0 += by } }
    }

    /// The tool-loop's first tool, holding each call at `gate` until the test opens it.
    static func customer(waitingFor gate: AsyncGate) -> ClosureTool {
        ClosureTool("get_customer") { _, _ in
            await gate.wait()
            return ToolOutput(["id": "c42"])
        }
    }

    static func leasing(_ owner: String, _ time: TestTime) -> RunLeasing {
        RunLeasing(owner: owner, duration: .seconds(30), now: { time.now })
    }

    @Test func aRunExecutingInOneProcessIsRefusedToAnotherUntilItsLeaseExpires() async throws {
        try await RuntimeFixture.with { fx in
            let time = TestTime()
            let gate = AsyncGate()
            let slow = Self.customer(waitingFor: gate)
            let (_, incidents) = ToolLoop.tools()
            let a = fx.runtime(agents: [ToolLoop.agent], tools: [slow, incidents], model: ToolLoop.model(), leasing: Self.leasing("a", time))
            let b = fx.runtime(agents: [ToolLoop.agent], tools: [slow, incidents], model: ToolLoop.model(), leasing: Self.leasing("b", time))
            var request = RunRequest.question("q", agent: "support")
            request.runID = RunID("run_leased")
            let first = Task { try await a.run(request) }
            await gate.waitForArrivals(1)

            let stored = try #require(try await fx.storage.store.loadRun(RunID("run_leased"), tenant: "default"))
            #expect(stored.status == .running)
            #expect(stored.lease?.owner == "a")
            let refused = await #expect(throws: RuntimeError.self) { try await b.resume(RunID("run_leased"), tenant: "default") }
            #expect(refused?.codeName == "notResumable")
            #expect(refused?.message.contains("in another process (a, lease until") == true, "\(refused?.message ?? "")")
            await #expect(throws: RuntimeError.self, "nor can it be cancelled from there") {
                try await b.cancelIdle(RunID("run_leased"), tenant: "default")
            }
            gate.open()
            #expect(try await first.value.status == .completed)
            #expect(slow.callCount == 1, "executed once")
        }
    }

    @Test func processesRacingToResumeARunExecuteItOnce() async throws {
        try await RuntimeFixture.with { fx in
            let time = TestTime()
            let gate = AsyncGate()
            let slow = Self.customer(waitingFor: gate)
            let (_, incidents) = ToolLoop.tools()
            // a process that stopped gracefully left the run interrupted
            var run = RunRecord(id: RunID("run_raced"), tenant: "default", principal: "local", agent: "support", input: ["question": "q"],
                                status: .interrupted)
            run.lease = RunLease(owner: "gone", expiresAt: time.now)
            try await fx.storage.store.createRun(run)
            let runtimes = (0..<4).map {
                fx.runtime(agents: [ToolLoop.agent], tools: [slow, incidents], model: ToolLoop.model(), leasing: Self.leasing("p\($0)", time))
            }
            let outcomes = await withTaskGroup(of: String.self) { group in
                for runtime in runtimes {
                    group.addTask {
                        do { return try await runtime.resume(RunID("run_raced"), tenant: "default").status.rawValue } catch let e as RuntimeError {
                            return e.codeName
                        } catch { return "\(error)" }
                    }
                }
                await gate.waitForArrivals(1)
                // let every other resume reach its claim while the winner holds the tool call
                var results: [String] = []
                for _ in 0..<3 { if let r = await group.next() { results.append(r) } }
                gate.open()
                for await r in group { results.append(r) }
                return results
            }
            #expect(outcomes.sorted() == ["completed", "notResumable", "notResumable", "notResumable"], "\(outcomes)")
            #expect(slow.callCount == 1, "exactly one process executed the run")
        }
    }

    @Test func aRunWhoseProcessDiedIsRecoveredByALiveSupervisorAfterItsLeaseExpires() async throws {
        try await RuntimeFixture.with { fx in
            let time = TestTime()
            let (customer, incidents) = ToolLoop.tools()
            // process a dies after the run's first model step and tool call are stored
            let crashing = CrashingStore(fx.storage.store, crashAfterWrites: 4)
            var request = RunRequest.question("q", agent: "support")
            request.runID = RunID("run_orphan")
            _ = try? await fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: ToolLoop.model(), store: crashing,
                                      leasing: Self.leasing("a", time)).run(request)
            #expect(crashing.crashed)
            #expect(try await fx.storage.store.loadRun(RunID("run_orphan"), tenant: "default")?.status == .running, "left running")
            let journal = try await fx.storage.store.loadJournal(RunID("run_orphan"), tenant: "default")
            let customerDone = journal.contains { $0.key.contains("/tool/call_0") && $0.state == .completed }
            let customerBefore = customer.callCount

            let finished = AsyncGate()
            let sink = ClosureEventSink { e in if e.kind == .runFinished { finished.open() } }
            let b = fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: ToolLoop.model(), sink: sink,
                               leasing: Self.leasing("b", time))
            let supervisor = RunSupervisor(runtime: b, resumeInterrupted: true)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await supervisor.run() }
                #expect(await supervisor.recoverAbandonedRuns().isEmpty, "a's lease is live: nothing to recover yet")
                time.advance(31)
                let claimed = await supervisor.recoverAbandonedRuns()
                #expect(claimed.map(\.id) == [RunID("run_orphan")])
                await finished.wait()
                let recovered = try await fx.storage.store.loadRun(RunID("run_orphan"), tenant: "default")
                #expect(recovered?.status == .completed)
                #expect(recovered?.lease?.owner == "b")
                #expect(customer.callCount - customerBefore == (customerDone ? 0 : 1), "a completed tool call is not repeated")
                supervisor.beginShutdown()
                try await group.waitForAll()
            }
        }
    }

    @Test func theHeartbeatKeepsALongRunsLeaseAlive() async throws {
        try await RuntimeFixture.with { fx in
            let time = TestTime()
            let gate = AsyncGate()
            let slow = Self.customer(waitingFor: gate)
            let (_, incidents) = ToolLoop.tools()
            let a = fx.runtime(agents: [ToolLoop.agent], tools: [slow, incidents], model: ToolLoop.model(), leasing: Self.leasing("a", time))
            let b = fx.runtime(agents: [ToolLoop.agent], tools: [slow, incidents], model: ToolLoop.model(), leasing: Self.leasing("b", time))
            let supervisorA = RunSupervisor(runtime: a, resumeInterrupted: false)
            let supervisorB = RunSupervisor(runtime: b, resumeInterrupted: true)
            var request = RunRequest.question("q", agent: "support")
            request.runID = RunID("run_long")
            let first = Task { try await a.run(request) }
            await gate.waitForArrivals(1)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await supervisorB.run() }
                for _ in 0..<4 { // two minutes of renewals every 20 s
                    time.advance(20)
                    await supervisorA.renewLeases()
                    #expect(await supervisorB.recoverAbandonedRuns().isEmpty, "a renews its lease: the run is not abandoned")
                }
                supervisorB.beginShutdown()
                try await group.waitForAll()
            }
            gate.open()
            #expect(try await first.value.status == .completed)
        }
    }
}
