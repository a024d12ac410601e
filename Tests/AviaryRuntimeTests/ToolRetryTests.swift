import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

/// Retries never double a side effect: idempotent tools are retried with backoff (paced by an
/// injected clock, so no test waits for it); a non-idempotent tool is called once, and its timeout
/// stops the run in `needs_attention`.
@Suite("Tool retries")
struct ToolRetryTests {
    /// A clock whose sleeps return at once and are recorded.
    final class RecordingClock: Clock, Sendable {
        typealias Instant = ContinuousClock.Instant
        private let slept = Mutex<[Duration]>([])
        var now: Instant { ContinuousClock.now }
        var minimumResolution: Duration { .nanoseconds(1) }
        // sleep-ok: the clock's own sleep, which records the duration and returns at once
        func sleep(until deadline: Instant, tolerance: Duration?) async throws { slept.withLock { $0.append(deadline - now) } } // sleep-ok
        var sleeps: [Duration] { slept.withLock { $0 } }
    }

    static let agent = AgentDefinition(name: "ops", instructions: "Act.", tools: ["act"])

    /// Calls `act` once, then answers with what the tool said.
    static func model() -> FunctionModel {
        FunctionModel(name: "stub") { request in
            if let result = request.messages.last(where: { $0.role == .tool })?.toolResults.first { return .text("tool said: \(result.content)") }
            return .toolCall("act", [:], id: "call_0")
        }
    }

    @Test func anIdempotentToolIsRetriedWithBackoffFromTheInjectedClock() async throws {
        try await RuntimeFixture.with { fx in
            let calls = Mutex(0)
            let flaky = ClosureTool("act", policy: ToolPolicy(retries: 2, backoff: 60, idempotent: true)) { _, _ in
                let n = calls.withLock { $0 += 1; return $0 }
                if n < 3 { throw ToolError.failed("busy, attempt \(n)") }
                return ToolOutput("ok")
            }
            let clock = RecordingClock()
            let run = try await fx.runtime(agents: [Self.agent], tools: [flaky], model: Self.model(), clock: clock)
                .run(.question("go", agent: "ops"))
            #expect(run.status == .completed)
            #expect(run.output == "tool said: ok")
            #expect(calls.withLock { $0 } == 3)
            let seconds = clock.sleeps.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
            #expect(seconds.count == 2)
            // 60 s, then 120 s, each with jitter of half to all of it
            #expect((29...60).contains(seconds.first ?? 0), "\(seconds)")
            #expect((59...120).contains(seconds.last ?? 0), "\(seconds)")
        }
    }

    @Test func aNonIdempotentToolIsNeverRetried() async throws {
        try await RuntimeFixture.with { fx in
            let calls = Mutex(0)
            let failing = ClosureTool("act", policy: ToolPolicy(retries: 3, backoff: 60)) { _, _ in
                calls.withLock { $0 += 1 }
                throw ToolError.failed("the payment service said no")
            }
            let clock = RecordingClock()
            let run = try await fx.runtime(agents: [Self.agent], tools: [failing], model: Self.model(), clock: clock)
                .run(.question("go", agent: "ops"))
            #expect(calls.withLock { $0 } == 1)
            #expect(clock.sleeps.isEmpty)
            #expect(run.status == .completed, "the model got the error and answered")
            #expect(run.output?.stringValue?.contains("the payment service said no") == true)
        }
    }

    @Test func aNonIdempotentToolThatTimesOutStopsTheRunForAPersonToDecide() async throws {
        try await RuntimeFixture.with { fx in
            let gate = AsyncGate()
            let calls = Mutex(0)
            // the call outlives its 50 ms limit: it may still be charging the card when the limit passes
            let slow = ClosureTool("act", policy: ToolPolicy(timeout: 0.05, retries: 2)) { _, _ in
                calls.withLock { $0 += 1 }
                await gate.wait()
                return ToolOutput("charged")
            }
            let runtime = fx.runtime(agents: [Self.agent], tools: [slow], model: Self.model(), clock: RecordingClock())
            let run = try await runtime.run(.question("go", agent: "ops"))
            #expect(run.status == .needsAttention)
            #expect(run.error?.contains("timed out after 0.05s and may still be running") == true, "\(run.error ?? "")")
            #expect(calls.withLock { $0 } == 1, "not called again")
            let step = try await fx.storage.store.loadJournal(run.id, tenant: "default").first { $0.key.hasSuffix("/tool/call_0") }
            #expect(step?.state == .started)
            gate.open()

            // a person checked: the charge went through; the run goes on with that result
            let resumed = try await runtime.resume(run.id, tenant: "default", decision: .skip("charged (checked by hand)"))
            #expect(resumed.status == .completed)
            #expect(resumed.output == "tool said: charged (checked by hand)")
            #expect(calls.withLock { $0 } == 1)
        }
    }

    @Test func anIdempotentToolThatTimesOutIsCalledAgain() async throws {
        try await RuntimeFixture.with { fx in
            let gate = AsyncGate()
            let calls = Mutex(0)
            let lookup = ClosureTool("act", policy: ToolPolicy(timeout: 0.05, retries: 1, idempotent: true)) { _, _ in
                let n = calls.withLock { $0 += 1; return $0 }
                if n == 1 { await gate.wait() }
                return ToolOutput("found")
            }
            let run = try await fx.runtime(agents: [Self.agent], tools: [lookup], model: Self.model(), clock: RecordingClock())
                .run(.question("go", agent: "ops"))
            gate.open()
            #expect(run.status == .completed)
            #expect(run.output == "tool said: found")
            #expect(calls.withLock { $0 } == 2)
        }
    }

    @Test func aTimeoutAToolReportsItselfIsAToolErrorEvenForANonIdempotentTool() async throws {
        try await RuntimeFixture.with { fx in
            // the tool stopped its own work at its budget (as `edit` does): nothing is still running
            let budgeted = ClosureTool("act", policy: ToolPolicy(retries: 2)) { _, _ in
                throw ToolError.timeout("act stopped after its time limit of 20s without finishing")
            }
            let run = try await fx.runtime(agents: [Self.agent], tools: [budgeted], model: Self.model(), clock: RecordingClock())
                .run(.question("go", agent: "ops"))
            #expect(run.status == .completed)
            #expect(run.output?.stringValue?.contains("time limit of 20s") == true)
        }
    }
}
