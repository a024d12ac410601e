import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

/// Interrupts a delegation (router → support_agent → get_customer) at every store write and
/// resumes the router: no completed model call or tool call of either run is repeated, and the
/// child run — stored with its first journal write — exists once, completed.
@Suite struct DelegationDurabilityTests {
    static let sub = AgentDefinition(name: "support_agent", description: "Answers about customers.",
                                     instructions: "Look customers up.", tools: ["get_customer"])
    static let router = AgentDefinition(name: "router", instructions: "Route.", tools: ["support_agent"])

    /// Model calls per agent.
    final class Calls: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func add(_ agent: String) { counts.withLock { $0[agent, default: 0] += 1 } }
        subscript(agent: String) -> Int { counts.withLock { $0[agent, default: 0] } }
    }

    /// Answers like the benchmark's delegate scenario; counts calls per agent.
    static func model(_ calls: Calls) -> FunctionModel {
        FunctionModel(name: "stub") { r in
            let k = r.messages.filter { $0.role == .tool }.count
            let isRouter = r.tools.contains { $0.name == "support_agent" }
            calls.add(isRouter ? "router" : "support_agent")
            if isRouter { return k == 0 ? .toolCall("support_agent", ["question": "c42?"], id: "r1") : .text("Support says: active.") }
            return k == 0 ? .toolCall("get_customer", ["customer_id": "c42"], id: "s1") : .text("Customer c42 is active.")
        }
    }

    @Test func aCleanDelegationWritesTheChildWithItsFirstStep() async throws {
        try await RuntimeFixture.with { fx in
            let calls = Calls()
            let (customer, _) = ToolLoop.tools()
            let counting = CrashingStore(fx.storage.store, crashAfterWrites: Int.max - 1)
            let run = try await fx.runtime(agents: [Self.router, Self.sub], tools: [customer], model: Self.model(calls), store: counting)
                .run(RunRequest(agent: "router", input: ["question": "c42?"], runID: "run_clean"))
            #expect(run.status == .completed)
            let child = try #require(try await fx.storage.store.loadRun(RunID("run_clean").child("turn/1/tool/r1"), tenant: "default"))
            #expect(child.status == .completed)
            #expect(child.parentRunID == run.id)
            // Writes: router create, router model, child (create + model), child tool, the child's
            // end (held step, events, run) carried into the router's next write with its delegation
            // step (one write), router finish (held step, events and the run: one write) = 6; a
            // separately stored child would make it 7, a child writing its own end 8.
            #expect(counting.writeCount == 6)
            // A first execution looks no child up: none can exist under the new parent's id.
            #expect(counting.runLoadCount == 0)
            // The combined write: the child's end, then the router's delegation step.
            let combined = try #require(counting.combinedWrites.first)
            #expect(counting.combinedWrites.count == 1)
            #expect(combined.map { $0.finishing?.id } == [child.id, nil])
            #expect(combined.map { $0.step?.key } == ["turn/2/model", "turn/1/tool/r1"])
            // `tool.started` went with the router's model step, written before the delegation ran.
            #expect(combined.last?.events.map(\.kind) == [.delegationStarted, .toolFinished, .delegationFinished])
        }
    }

    @Test func aPureToolIsWrittenWithTheChildsFirstStep() async throws {
        try await RuntimeFixture.with { fx in
            let (customer, _) = ToolLoop.tools(customerPolicy: .computation)
            let counting = CrashingStore(fx.storage.store, crashAfterWrites: Int.max - 1)
            let run = try await fx.runtime(agents: [Self.router, Self.sub], tools: [customer], model: Self.model(Calls()), store: counting)
                .run(RunRequest(agent: "router", input: ["question": "c42?"], runID: "run_pure"))
            #expect(run.status == .completed)
            // Writes: router create, router model, child (create + model + its pure tool call), the
            // child's end carried into the router's next write with its tool step, router finish
            // (one write) = 5.
            #expect(counting.writeCount == 5)
            let child = RunID("run_pure").child("turn/1/tool/r1")
            let first = try #require(counting.combinedWrites.first)
            #expect(first.map(\.creating?.id) == [child, nil])
            #expect(first.map(\.step?.key) == ["turn/1/model", "turn/1/tool/s1"])
            #expect(try await fx.storage.store.loadJournal(child, tenant: "default").filter { $0.state == .completed }.count == 3)
        }
    }

    /// Two delegations in one response run in parallel; each child's end is stored (carried to
    /// the router's journal, whichever of the router's writes takes it).
    @Test func parallelDelegationsStoreBothChildrensEnds() async throws {
        try await RuntimeFixture.with { fx in
            let (customer, _) = ToolLoop.tools()
            let model = FunctionModel(name: "stub") { r in
                let isRouter = r.tools.contains { $0.name == "support_agent" }
                let k = r.messages.filter { $0.role == .tool }.count
                if isRouter {
                    guard k == 0 else { return .text("Both answered.") }
                    return ModelResponse(message: Message(role: .assistant, parts: [
                        .toolCall(ToolCall(id: "r1", name: "support_agent", arguments: ["question": "c42?"])),
                        .toolCall(ToolCall(id: "r2", name: "support_agent", arguments: ["question": "c43?"])),
                    ]), finishReason: .toolCalls)
                }
                return k == 0 ? .toolCall("get_customer", ["customer_id": "c42"], id: "s1") : .text("Customer is active.")
            }
            let counting = CrashingStore(fx.storage.store, crashAfterWrites: Int.max - 1)
            let run = try await fx.runtime(agents: [Self.router, Self.sub], tools: [customer], model: model, store: counting)
                .run(RunRequest(agent: "router", input: ["question": "c42 and c43?"], runID: "run_pair"))
            #expect(run.status == .completed)
            #expect(run.output == "Both answered.")
            for step in ["turn/1/tool/r1", "turn/1/tool/r2"] {
                let child = try #require(try await fx.storage.store.loadRun(run.id.child(step), tenant: "default"))
                #expect(child.status == .completed)
                #expect(child.output == "Customer is active.")
                let journal = try await fx.storage.store.loadJournal(child.id, tenant: "default")
                #expect(journal.filter { $0.state == .completed }.count == 3, "\(journal.map(\.key))")
            }
            #expect(counting.combinedWrites.flatMap { $0 }.compactMap(\.finishing?.id).count == 2)
            let routerSteps = try await fx.storage.store.loadJournal(run.id, tenant: "default").map(\.key).sorted()
            #expect(routerSteps == ["turn/1/model", "turn/1/tool/r1", "turn/1/tool/r2", "turn/2/model"])
        }
    }

    /// Every write boundary: 5 writes with a read-only tool, 4 with a pure one.
    static let crashPoints: [(Int, Bool)] = (1...5).map { ($0, false) } + (1...4).map { ($0, true) }

    @Test(arguments: crashPoints)
    func delegationResumesAfterCrashAtWrite(_ crashAfter: Int, pure: Bool) async throws {
        try await RuntimeFixture.with { fx in
            let calls = Calls()
            let (customer, _) = ToolLoop.tools(customerPolicy: pure ? .computation : .readOnly)
            let crashing = CrashingStore(fx.storage.store, crashAfterWrites: crashAfter)
            let runID = RunID("run_delegate_crash_\(crashAfter)_\(pure)")
            let childID = runID.child("turn/1/tool/r1")
            let request = RunRequest(agent: "router", input: ["question": "c42?"], runID: runID)
            let first = try? await fx.runtime(agents: [Self.router, Self.sub], tools: [customer], model: Self.model(calls), store: crashing)
                .run(request)
            #expect(crashing.crashed, "the run makes more than \(crashAfter) writes")
            #expect(first == nil || first?.status == .failed)
            let store = fx.storage.store
            let routerDone = try await store.loadJournal(runID, tenant: "default").filter { $0.state == .completed && $0.key.hasSuffix("/model") }.count
            let childJournal = try await store.loadJournal(childID, tenant: "default")
            let childStored = try await store.loadRun(childID, tenant: "default") != nil
            #expect(childStored || childJournal.isEmpty, "a child's steps are never stored without the child")
            let childDone = childJournal.filter { $0.state == .completed && $0.key.hasSuffix("/model") }.count
            let customerDone = childJournal.contains { $0.state == .completed && $0.key.contains("/tool/") }
            let routerBefore = calls["router"], childBefore = calls["support_agent"], customerBefore = customer.callCount

            // The crashed process left the router `running` or `failed`; a resume picks it up either way.
            var routerRecord = try #require(try await store.loadRun(runID, tenant: "default"))
            if routerRecord.status == .failed {
                routerRecord.status = .running
                try await store.updateRun(routerRecord)
            }
            let resumed = try await fx.runtime(agents: [Self.router, Self.sub], tools: [customer], model: Self.model(calls))
                .resume(runID, tenant: "default")
            #expect(resumed.status == .completed)
            #expect(resumed.output == "Support says: active.")
            #expect(calls["router"] - routerBefore == 2 - routerDone, "a completed router call was repeated")
            #expect(calls["support_agent"] - childBefore == 2 - childDone, "a completed child call was repeated")
            #expect(customer.callCount - customerBefore == (customerDone ? 0 : 1))
            let children = try await store.listRuns(RunQuery(tenant: "default")).filter { $0.parentRunID == runID }
            #expect(children.map(\.id) == [childID])
            #expect(children.first?.status == .completed)
        }
    }
}
