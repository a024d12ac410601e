import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import ServiceLifecycle
import Testing

@Suite struct RunControlTests {
    /// A tool-loop runtime whose `get_customer` waits at `gate`.
    static func runtime(_ fx: RuntimeFixture, gate: AsyncGate) -> (AgentRuntime, ClosureTool) {
        let (customer, incidents) = ToolLoop.tools()
        let gated = ClosureTool("get_customer", parameters: customer.spec.parameters, policy: .readOnly) { args, ctx in
            await gate.wait()
            return try await customer.call(arguments: args, context: ctx)
        }
        return (fx.runtime(agents: [ToolLoop.agent], tools: [gated, incidents], model: ToolLoop.model()), gated)
    }

    @Test func suspendStopsAtTheNextStepBoundaryAndResumeFinishes() async throws {
        try await RuntimeFixture.with { fx in
            let gate = AsyncGate()
            let (runtime, tool) = Self.runtime(fx, gate: gate)
            let runID = RunID("run_suspend")
            let running = Task { try await runtime.run(RunRequest(agent: "support", input: ["question": "c42?"], runID: runID)) }
            await gate.waitForArrivals(1)
            runtime.activeRuns.suspendAll()
            #expect(runtime.activeRuns.isSuspending)
            gate.open()
            let stopped = try await running.value
            #expect(stopped.status == .interrupted)
            #expect(try await fx.storage.store.loadJournal(runID, tenant: "default").contains { $0.key.contains("/tool/") && $0.state == .completed },
                    "the step in flight finished and was journaled")
            #expect(try await fx.storage.store.loadEvents(runID, tenant: "default").last?.kind == .runInterrupted)

            let fresh = fx.runtime(agents: [ToolLoop.agent], tools: [tool, ToolLoop.tools().1], model: ToolLoop.model())
            let resumed = try await fresh.resume(runID, tenant: "default")
            #expect(resumed.status == .completed)
            #expect(resumed.output == "Customer c42 is active; 1 incident open.")
            #expect(tool.callCount == 1, "the completed tool call is not repeated")
        }
    }

    @Test func cancelStopsTheRunAndItsChildRuns() async throws {
        try await RuntimeFixture.with { fx in
            let gate = AsyncGate()
            let (customer, _) = ToolLoop.tools()
            let gated = ClosureTool("get_customer", parameters: customer.spec.parameters, policy: .readOnly) { _, _ in
                await gate.wait()
                return ToolOutput(["status": "active"])
            }
            let sub = AgentDefinition(name: "support_agent", description: "Answers about customers.", instructions: "Look customers up.",
                                      tools: ["get_customer"])
            let router = AgentDefinition(name: "router", instructions: "Route.", tools: ["support_agent"])
            let model = FunctionModel { r in
                let k = r.messages.filter { $0.role == .tool }.count
                if r.tools.contains(where: { $0.name == "support_agent" }) {
                    return k == 0 ? .toolCall("support_agent", ["question": "c42?"], id: "r1") : .text("done")
                }
                return k == 0 ? .toolCall("get_customer", ["customer_id": "c42"], id: "s1") : .text("active")
            }
            let runtime = fx.runtime(agents: [router, sub], tools: [gated], model: model)
            let runID = RunID("run_cancel")
            let running = Task { try await runtime.run(RunRequest(agent: "router", input: ["question": "c42?"], runID: runID)) }
            await gate.waitForArrivals(1)
            #expect(runtime.activeRuns.count == 2, "the router and its delegated child")
            #expect(runtime.requestCancel(runID))
            gate.open()
            let stopped = try await running.value
            #expect(stopped.status == .cancelled)
            let child = try #require(try await fx.storage.store.listRuns(RunQuery(tenant: "default")).first { $0.parentRunID == runID })
            #expect(child.status == .cancelled)
            #expect(runtime.activeRuns.count == 0)
            #expect(!runtime.requestCancel(runID), "nothing executes any more")
            #expect(try await runtime.resume(runID, tenant: "default").status == .cancelled, "a cancelled run stays cancelled")
        }
    }

    @Test func ticketsTimeOutWithoutStoppingTheWork() async throws {
        let gate = AsyncGate()
        let supervisor = try await RuntimeFixture.with { fx in
            RunSupervisor(runtime: fx.runtime(agents: [ToolLoop.agent], tools: [], model: ToolLoop.model()), resumeInterrupted: false)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await supervisor.run() }
            let ticket = try supervisor.submit { await gate.wait(); return 42 }
            #expect(try await ticket.value(timeout: .milliseconds(20)) == nil, "timed out")
            #expect(!ticket.isCompleted)
            gate.open()
            #expect(try await ticket.value() == 42, "the work went on")
            let failing = try supervisor.submit { () async throws -> Int in throw CancellationError() }
            await #expect(throws: CancellationError.self) { _ = try await failing.value() }
            supervisor.beginShutdown()
            #expect(throws: RunSupervisor.Refusal.self) { _ = try supervisor.submit { 1 } }
            try await group.waitForAll()
        }
    }
}
