import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

/// One model turn cannot turn into unbounded work: tool calls per turn and their parallelism are
/// capped, child runs take the tenant's run slots, and delegation depth is bounded (which ends a
/// cycle of agents delegating to each other).
@Suite struct FanOutLimitTests {
    /// A turn of `count` calls of `tool`, then a final answer once results are in.
    static func fanOut(_ tool: String, count: Int, arguments: @escaping @Sendable (Int) -> JSONValue) -> FunctionModel {
        FunctionModel(name: "fan") { request in
            if request.messages.contains(where: { $0.role == .tool }) { return .text("done") }
            let calls = (0..<count).map { Part.toolCall(ToolCall(id: "c\($0)", name: tool, arguments: arguments($0))) }
            return ModelResponse(message: Message(role: .assistant, parts: calls), finishReason: .toolCalls,
                                 usage: Usage(inputTokens: 1, outputTokens: 1, requests: 1))
        }
    }

    /// Counts concurrent and total executions.
    final class Gauge: Sendable {
        private let state = Mutex<(now: Int, peak: Int, total: Int)>((0, 0, 0))
        func enter() { state.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now); $0.total += 1 } }
        func leave() { state.withLock { $0.now -= 1 } }
        var peak: Int { state.withLock { $0.peak } }
        var total: Int { state.withLock { $0.total } }
    }

    @Test func aHundredCallsInOneTurnRunOnlyTheCapAndAtMostTheParallelLimitAtOnce() async throws {
        try await RuntimeFixture.with { fx in
            let gauge = Gauge()
            let gate = AsyncGate()
            let slow = ClosureTool("lookup", parameters: ["type": "object", "properties": ["n": ["type": "integer"]]]) { args, _ in
                gauge.enter()
                defer { gauge.leave() }
                await gate.wait()
                return ToolOutput(args["n"] ?? .null)
            }
            let agent = AgentDefinition(name: "fan", instructions: "Fan out.", tools: ["lookup"])
            let runtime = fx.runtime(agents: [agent], tools: [slow], model: Self.fanOut("lookup", count: 100) { ["n": .number(Double($0))] },
                                     limits: RuntimeLimits(maxToolCallsPerTurn: 10, maxParallelToolCalls: 3))
            let run = Task { try await runtime.run(RunRequest(agent: "fan", input: ["question": "go"], runID: "run_fan")) }
            // exactly three calls run at once: the fourth starts only when one ends
            await gate.waitForArrivals(3)
            #expect(gauge.peak == 3)
            gate.open()
            let record = try await run.value
            #expect(record.status == .completed)
            #expect(gauge.total == 10, "only the first 10 of 100 calls run")
            #expect(gauge.peak <= 3)
            let events = try await fx.storage.store.loadEvents(RunID("run_fan"), tenant: "default")
            #expect(events.filter { $0.kind == .toolStarted }.count == 10)
            let transcript = try #require(record.output?.stringValue)
            #expect(transcript == "done")
        }
    }

    @Test func aHundredDelegationsTakeTheTenantsRunSlotsAndTheRestAreRefused() async throws {
        try await RuntimeFixture.with { fx in
            let gauge = Gauge()
            let gate = AsyncGate()
            let probe = ClosureTool("probe") { _, _ in
                gauge.enter()
                defer { gauge.leave() }
                await gate.wait()
                return ToolOutput("ok")
            }
            let worker = AgentDefinition(name: "worker", description: "Works.", instructions: "Work.", tools: ["probe"])
            let boss = AgentDefinition(name: "boss", instructions: "Delegate.", tools: ["worker"])
            let model = FunctionModel(name: "stub") { request in
                let isBoss = request.tools.contains { $0.name == "worker" }
                if request.messages.contains(where: { $0.role == .tool }) { return .text(isBoss ? "all done" : "worked") }
                if !isBoss { return .toolCall("probe", [:], id: "p") }
                let calls = (0..<100).map { Part.toolCall(ToolCall(id: "d\($0)", name: "worker", arguments: ["question": .string("job \($0)")])) }
                return ModelResponse(message: Message(role: .assistant, parts: calls), finishReason: .toolCalls,
                                     usage: Usage(inputTokens: 1, outputTokens: 1, requests: 1))
            }
            let admission = RunAdmission(limitPerTenant: 4)
            #expect(admission.tryAcquire(tenant: "default"), "the boss's own slot, as the server takes it")
            let runtime = fx.runtime(agents: [boss, worker], tools: [probe], model: model,
                                     limits: RuntimeLimits(maxToolCallsPerTurn: 100, maxParallelToolCalls: 100, admission: admission))
            let run = Task { try await runtime.run(RunRequest(agent: "boss", input: ["question": "go"], runID: "run_boss")) }
            // three children hold the tenant's other three slots; delegations find none free
            await gate.waitForArrivals(3)
            #expect(admission.count(tenant: "default") == 4)
            gate.open()
            let record = try await run.value
            #expect(record.status == .completed)
            #expect(gauge.peak == 3, "never more children at once than the tenant has free slots")
            let events = try await fx.storage.store.loadEvents(RunID("run_boss"), tenant: "default")
            let finished = events.filter { $0.kind == .toolFinished || $0.kind == .toolFailed }
            let refusals = finished.filter { $0.kind == .toolFailed && $0.data["error"]?.stringValue?.contains("runs executing") == true }
            #expect(finished.count == 100)
            #expect(refusals.count >= 50, "most of the hundred are refused, not queued")
            #expect(refusals.count + gauge.total == 100, "each delegation either ran a child or was refused")
            #expect(admission.count(tenant: "default") == 1, "children give their slots back")
            admission.release(tenant: "default")
        }
    }

    @Test func agentsDelegatingToEachOtherInACycleEndAtTheDepthLimit() async throws {
        try await RuntimeFixture.with { fx in
            let calls = Gauge()
            let ping = AgentDefinition(name: "ping", description: "Asks pong.", instructions: "Ask pong.", tools: ["pong"])
            let pong = AgentDefinition(name: "pong", description: "Asks ping.", instructions: "Ask ping.", tools: ["ping"])
            let model = FunctionModel(name: "stub") { request in
                calls.enter()
                defer { calls.leave() }
                if let result = request.messages.last(where: { $0.role == .tool })?.toolResults.first {
                    return .text(result.isError ? "stopped: \(result.content)" : result.content)
                }
                let other = request.tools.first?.name ?? "none"
                return .toolCall(other, ["question": "again"], id: "x")
            }
            let runtime = fx.runtime(agents: [ping, pong], tools: [], model: model, limits: RuntimeLimits(maxDelegationDepth: 3))
            let record = try await runtime.run(RunRequest(agent: "ping", input: ["question": "go"], runID: "run_cycle"))
            #expect(record.status == .completed)
            let answer = try #require(record.output?.stringValue)
            #expect(answer.contains("3 delegations are already nested"))
            #expect(answer.contains("ping → pong → ping → pong → ping"))
            // ping, pong, ping, pong each ask once and answer once: 4 runs × 2 model calls
            #expect(calls.total == 8)
        }
    }
}
