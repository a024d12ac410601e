import AviaryCore
import AviaryRuntime
import AviaryTesting
import Foundation
import Testing

/// Tools whose body blocks its thread (`ToolPolicy.blocking`) run on the runtime's own threads:
/// the thread that runs the run (an event loop in `aviary serve`) stays free, and a timeout ends
/// the call at once while the body stops at its next cancellation check.
@Suite("blocking tools")
struct BlockingToolTests {
    @Test("while a blocking tool's body holds its thread, other work on the run's one-thread executor goes on")
    func loopStaysFree() async throws {
        try await RuntimeFixture.with { fx in
            let started = AsyncGate()
            let released = DispatchSemaphore(value: 0)
            // The body blocks until work on the run's executor releases it. Were it on that
            // executor's only thread, nothing could release it and it would answer "blocked".
            let hold = ClosureTool("hold", policy: ToolPolicy(idempotent: true, blocking: true)) { _, _ in
                started.open()
                return .text(released.wait(timeout: .now() + 30) == .success ? "released" : "blocked")
            }
            let agent = AgentDefinition(name: "a", instructions: "x", tools: ["hold"])
            let model = ScriptedModel([.toolCall("hold"), .text("done")], onMisuse: { Issue.record($0) })
            let runtime = fx.runtime(agents: [agent], tools: [hold], model: model)
            let loop = BlockingToolPool(maxThreads: 1) // stands in for one event loop
            let run = try await withTaskExecutorPreference(loop) {
                async let record = runtime.run(.question("hi", agent: "a"))
                await started.wait()
                released.signal() // runs on the loop's only thread
                return try await record
            }
            #expect(run.status == .completed)
            #expect(model.requests[1].messages.last?.toolResults.first?.content == "released")
        }
    }

    @Test("a blocking tool that computes past its timeout fails with a timeout error and its body stops")
    func timeoutStopsTheBody() async throws {
        try await RuntimeFixture.with { fx in
            let stopped = DispatchSemaphore(value: 0)
            let spin = ClosureTool("spin", policy: ToolPolicy(timeout: 0.05, idempotent: true, blocking: true)) { _, _ in
                var rounds = 0
                while !Task.isCancelled && rounds < Int.max { rounds &+= 1 } // computes without suspending
                stopped.signal()
                return .text("never seen")
            }
            let agent = AgentDefinition(name: "a", instructions: "x", tools: ["spin"])
            let model = ScriptedModel([.toolCall("spin"), .text("gave up")], onMisuse: { Issue.record($0) })
            let run = try await fx.runtime(agents: [agent], tools: [spin], model: model).run(.question("hi", agent: "a"))
            #expect(run.status == .completed)
            let result = model.requests[1].messages.last?.toolResults.first
            #expect(result?.isError == true)
            #expect(result?.content.contains("timeout: timed out after 0.05s") == true)
            #expect(stopped.wait(timeout: .now() + 30) == .success, "the body saw the cancellation and ended")
        }
    }

    @Test("the pool runs more jobs than threads, in order, and every job finishes")
    func poolQueues() async throws {
        let pool = BlockingToolPool(maxThreads: 2, idleTimeout: 0.01)
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<20 { group.addTask { try await pool.run { i * 2 } } }
            var all: [Int] = []
            for try await value in group { all.append(value) }
            return all.sorted()
        }
        #expect(results == (0..<20).map { $0 * 2 })
    }
}
