import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

/// Tool approvals: a call that needs approval stops the run in `waiting` with its request; an
/// answer recorded by compare-and-set lets the resumed run call the tool once, or tells the model
/// it was rejected.
@Suite("Tool approvals")
struct ApprovalTests {
    final class Counter: Sendable {
        private let n = Mutex(0)
        func add() { n.withLock { $0 += 1 } }
        var count: Int { n.withLock { $0 } }
    }

    static let refundPolicy = ToolPolicy(risk: .dangerous)

    static func tools(_ refunds: Counter, lookups: Counter? = nil) -> [any Tool] {
        let refund = ClosureTool("refund_payment", policy: refundPolicy) { args, _ in
            refunds.add()
            return ToolOutput(.string("refunded \(args["amount"]?.numberValue ?? 0)"))
        }
        let lookup = ClosureTool("lookup_order", policy: .readOnly) { _, _ in
            lookups?.add()
            return ToolOutput("order 1042: paid 250 EUR")
        }
        return [refund, lookup]
    }

    static func agent(_ approvals: [String: ApprovalRule] = [:]) -> AgentDefinition {
        AgentDefinition(name: "support", instructions: "Help.", tools: ["refund_payment", "lookup_order"], approvals: approvals)
    }

    /// Asks for the calls given, then answers with the last tool result.
    static func model(_ calls: [(String, JSONValue)]) -> FunctionModel {
        FunctionModel(name: "stub") { request in
            if let results = request.messages.last(where: { $0.role == .tool })?.toolResults, !results.isEmpty {
                return .text(results.map(\.content).joined(separator: " | "))
            }
            let parts = calls.enumerated().map { i, c in Part.toolCall(ToolCall(id: "call_\(i)", name: c.0, arguments: c.1)) }
            return ModelResponse(message: Message(role: .assistant, parts: parts), finishReason: .toolCalls,
                                 usage: Usage(inputTokens: 10, outputTokens: 5, requests: 1))
        }
    }

    @Test func aDangerousCallWaitsAndRunsOnceWhenApproved() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let events = Mutex<[RunEvent.Kind]>([])
            let runtime = fx.runtime(agents: [Self.agent()], tools: Self.tools(refunds), model: Self.model([("refund_payment", ["amount": 250])]),
                                     sink: ClosureEventSink { e in events.withLock { $0.append(e.kind) } })
            let waiting = try await runtime.run(.question("refund order 1042", agent: "support"))
            #expect(waiting.status == .waiting)
            #expect(refunds.count == 0, "nothing runs before the decision")
            let pending = try await runtime.pendingApprovals(tenant: "default")
            #expect(pending.count == 1)
            #expect(pending.first?.request.tool == "refund_payment")
            #expect(pending.first?.request.arguments == ["amount": 250])
            #expect(pending.first?.request.approvers == [.owner, .role(.admin)])

            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "local", role: .user, decision: .approved,
                                                 reason: "customer verified")
            let done = try await runtime.resume(waiting.id, tenant: "default")
            #expect(done.status == .completed)
            #expect(done.output == "refunded 250.0")
            #expect(refunds.count == 1)
            #expect(try await runtime.pendingApprovals(tenant: "default").isEmpty)
            let kinds = events.withLock { $0 }
            #expect(kinds.contains(.approvalRequested) && kinds.contains(.runWaiting) && kinds.contains(.approvalGranted))
            // resuming again replays: the refund is not repeated
            #expect(try await runtime.resume(waiting.id, tenant: "default").status == .completed)
            #expect(refunds.count == 1)
        }
    }

    @Test func aRejectionTellsTheModelWhoRejectedAndWhy() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let runtime = fx.runtime(agents: [Self.agent()], tools: Self.tools(refunds), model: Self.model([("refund_payment", ["amount": 9000])]))
            let waiting = try await runtime.run(.question("refund everything", agent: "support"))
            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "key:ops", role: .admin, decision: .rejected,
                                                 reason: "over the refund limit")
            let done = try await runtime.resume(waiting.id, tenant: "default")
            #expect(done.status == .completed, "the agent goes on and can tell the user")
            #expect(done.output?.stringValue?.contains("rejected by key:ops: over the refund limit") == true, "\(done.output ?? .null)")
            #expect(refunds.count == 0)
        }
    }

    @Test func badAnswersAreRefusedAndLeaveTheRunUnharmed() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let rule = ApprovalRule(.always, approvers: [.role(.admin)])
            let runtime = fx.runtime(agents: [Self.agent(["refund_payment": rule])], tools: Self.tools(refunds),
                                     model: Self.model([("refund_payment", ["amount": 5])]))
            let waiting = try await runtime.run(.question("refund", agent: "support"))
            let notAllowed = await #expect(throws: RuntimeError.self) {
                try await runtime.answerApproval(waiting.id, tenant: "default", principal: "local", role: .user, decision: .approved, reason: nil)
            }
            #expect(notAllowed?.codeName == "notAllowed")
            #expect(notAllowed?.message.contains("may be decided by admin") == true, "\(notAllowed?.message ?? "")")
            await #expect(throws: RuntimeError.self, "another tenant sees no such run") {
                try await runtime.answerApproval(waiting.id, tenant: "other", principal: "x", role: .admin, decision: .approved, reason: nil)
            }
            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "key:ops", role: .admin, decision: .approved, reason: nil)
            // the run is no longer waiting (it is claimed for execution): a second answer is a conflict
            let twice = await #expect(throws: RuntimeError.self) {
                try await runtime.answerApproval(waiting.id, tenant: "default", principal: "key:boss", role: .admin, decision: .rejected, reason: nil)
            }
            #expect(twice?.codeName == "notWaiting")
            #expect(try await runtime.resume(waiting.id, tenant: "default").status == .completed)
            #expect(refunds.count == 1)
            let done = await #expect(throws: RuntimeError.self) {
                try await runtime.answerApproval(waiting.id, tenant: "default", principal: "key:ops", role: .admin, decision: .approved, reason: nil)
            }
            #expect(done?.message.contains("is completed, not waiting") == true)
        }
    }

    @Test func twoAnswersRacingOneWins() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let runtime = fx.runtime(agents: [Self.agent()], tools: Self.tools(refunds), model: Self.model([("refund_payment", ["amount": 5])]))
            let waiting = try await runtime.run(.question("refund", agent: "support"))
            let outcomes = await withTaskGroup(of: String.self) { group in
                for (i, decision) in [ApprovalAnswer.Decision.approved, .rejected, .approved, .rejected].enumerated() {
                    group.addTask {
                        do {
                            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "key:a\(i)", role: .admin,
                                                                 decision: decision, reason: nil)
                            return "answered"
                        } catch let e as RuntimeError { return e.codeName } catch { return "\(error)" }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "answered" }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == "notWaiting" }.count == 3, "\(outcomes)")
        }
    }

    @Test func aConditionDecidesWhichCallsWait() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let rule = ApprovalRule(.when(try ApprovalCondition("amount > `100`")))
            let small = try await fx.runtime(agents: [Self.agent(["refund_payment": rule])], tools: Self.tools(refunds),
                                             model: Self.model([("refund_payment", ["amount": 50])])).run(.question("r", agent: "support"))
            #expect(small.status == .completed)
            #expect(refunds.count == 1)
            let large = try await fx.runtime(agents: [Self.agent(["refund_payment": rule])], tools: Self.tools(refunds),
                                             model: Self.model([("refund_payment", ["amount": 500])])).run(.question("r", agent: "support"))
            #expect(large.status == .waiting)
            #expect(refunds.count == 1)
            // `never` overrides the tool's dangerous risk
            let never = try await fx.runtime(agents: [Self.agent(["refund_payment": ApprovalRule(.never)])], tools: Self.tools(refunds),
                                             model: Self.model([("refund_payment", ["amount": 500])])).run(.question("r", agent: "support"))
            #expect(never.status == .completed)
        }
    }

    @Test func theOtherCallsOfTheTurnFinishBeforeTheRunWaitsAndAreNotRepeated() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter(), lookups = Counter()
            let runtime = fx.runtime(agents: [Self.agent()], tools: Self.tools(refunds, lookups: lookups),
                                     model: Self.model([("lookup_order", [:]), ("refund_payment", ["amount": 250])]))
            let waiting = try await runtime.run(.question("check and refund", agent: "support"))
            #expect(waiting.status == .waiting)
            #expect(lookups.count == 1)
            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "local", role: .user, decision: .approved, reason: nil)
            let done = try await runtime.resume(waiting.id, tenant: "default")
            #expect(done.status == .completed)
            #expect(done.output == "order 1042: paid 250 EUR | refunded 250.0")
            #expect(lookups.count == 1 && refunds.count == 1)
        }
    }

    @Test func aResumeBeforeTheAnswerWaitsAgain() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let runtime = fx.runtime(agents: [Self.agent()], tools: Self.tools(refunds), model: Self.model([("refund_payment", ["amount": 5])]))
            let waiting = try await runtime.run(.question("refund", agent: "support"))
            #expect(try await runtime.resume(waiting.id, tenant: "default").status == .waiting)
            #expect(try await runtime.pendingApprovals(tenant: "default").count == 1, "one request, not two")
            #expect(refunds.count == 0)
        }
    }

    @Test func aProcessThatDiesRightAfterRecordingTheAnswerLeavesTheRunToALiveServer() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let time = RunLeaseTests.TestTime()
            let a = fx.runtime(agents: [Self.agent()], tools: Self.tools(refunds), model: Self.model([("refund_payment", ["amount": 250])]),
                               leasing: RunLeaseTests.leasing("a", time))
            let waiting = try await a.run(.question("refund", agent: "support"))
            _ = try await a.answerApproval(waiting.id, tenant: "default", principal: "local", role: .user, decision: .approved, reason: nil)
            // process a dies here: the answer is stored, the run is claimed by a and nobody resumes it
            #expect(try await fx.storage.store.loadRun(waiting.id, tenant: "default")?.status == .running)

            let finished = AsyncGate()
            let b = fx.runtime(agents: [Self.agent()], tools: Self.tools(refunds), model: Self.model([("refund_payment", ["amount": 250])]),
                               sink: ClosureEventSink { e in if e.kind == .runFinished { finished.open() } }, leasing: RunLeaseTests.leasing("b", time))
            let supervisor = RunSupervisor(runtime: b, resumeInterrupted: true)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await supervisor.run() }
                time.advance(31)
                #expect(await supervisor.recoverAbandonedRuns().map(\.id) == [waiting.id])
                await finished.wait()
                supervisor.beginShutdown()
                try await group.waitForAll()
            }
            #expect(try await fx.storage.store.loadRun(waiting.id, tenant: "default")?.status == .completed)
            #expect(refunds.count == 1, "the approved refund ran once")
        }
    }

    @Test func aProcessThatDiesDuringTheApprovedCallLeavesItForAPersonNotForARetry() async throws {
        try await RuntimeFixture.with { fx in
            let attempts = Counter()
            // the refund "kills the process" mid-call: its started step is stored, its end never is
            let dying = ClosureTool("refund_payment", policy: Self.refundPolicy) { _, _ in
                attempts.add()
                throw CrashingStore.Crash()
            }
            let lookup = Self.tools(Counter())[1]
            let runtime = fx.runtime(agents: [Self.agent()], tools: [dying, lookup], model: Self.model([("refund_payment", ["amount": 250])]))
            let waiting = try await runtime.run(.question("refund", agent: "support"))
            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "local", role: .user, decision: .approved, reason: nil)
            // simulate the death: the store refuses every write from the moment the call starts
            // writes that land: the claim, the run's status, the call's `started` step; then the process is gone
            let dead = CrashingStore(fx.storage.store, crashAfterWrites: 3)
            _ = try? await fx.runtime(agents: [Self.agent()], tools: [dying, lookup], model: Self.model([("refund_payment", ["amount": 250])]),
                                      store: dead).resume(waiting.id, tenant: "default")
            #expect(attempts.count == 1)
            let journal = try await fx.storage.store.loadJournal(waiting.id, tenant: "default")
            #expect(journal.contains { $0.key.hasSuffix("/tool/call_0") && $0.state == .started })

            let after = try await runtime.resume(waiting.id, tenant: "default")
            #expect(after.status == .needsAttention, "a non-idempotent call caught mid-way is not run again")
            #expect(attempts.count == 1)
        }
    }

    @Test func aDelegatedRunsApprovalMakesItsParentWaitAndTheAnswerResumesBoth() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let router = AgentDefinition(name: "router", instructions: "Route.", tools: ["support"])
            // the router delegates; the support agent asks for the refund; each answers with what it got
            let model = FunctionModel(name: "stub") { request in
                if let results = request.messages.last(where: { $0.role == .tool })?.toolResults, !results.isEmpty {
                    return .text(results.map(\.content).joined(separator: " | "))
                }
                if request.tools.contains(where: { $0.name == "support" }) {
                    return .toolCall("support", ["question": "refund order 1042"], id: "call_d")
                }
                return .toolCall("refund_payment", ["amount": 250], id: "call_r")
            }
            let runtime = fx.runtime(agents: [router, Self.agent()], tools: Self.tools(refunds), model: model)
            let parent = try await runtime.run(.question("refund order 1042", agent: "router"))
            #expect(parent.status == .waiting, "the parent waits with its child")
            let pending = try await runtime.pendingApprovals(tenant: "default", runID: parent.id)
            #expect(pending.count == 1)
            let child = try #require(pending.first?.run)
            #expect(child.parentRunID == parent.id)

            _ = try await runtime.answerApproval(child.id, tenant: "default", principal: "local", role: .user, decision: .approved, reason: nil)
            #expect(try await runtime.topLevelRun(of: child.id, tenant: "default") == parent.id)
            let done = try await runtime.resume(parent.id, tenant: "default")
            #expect(done.status == .completed)
            #expect(done.output == "refunded 250.0")
            #expect(refunds.count == 1)
            #expect(try await fx.storage.store.loadRun(child.id, tenant: "default")?.status == .completed)
        }
    }

    @Test func anUnansweredRequestExpiresAndTheModelIsToldOrTheRunFails() async throws {
        try await RuntimeFixture.with { fx in
            let refunds = Counter()
            let time = RunLeaseTests.TestTime()
            let events = Mutex<[RunEvent.Kind]>([])
            let finished = AsyncGate()
            let sink = ClosureEventSink { e in
                events.withLock { $0.append(e.kind) }
                if e.kind == .runFinished || e.kind == .runFailed { finished.open() }
            }
            let rule = ApprovalRule(.always, expiresIn: 3600, onExpiry: .reject)
            let runtime = fx.runtime(agents: [Self.agent(["refund_payment": rule])], tools: Self.tools(refunds),
                                     model: Self.model([("refund_payment", ["amount": 250])]), sink: sink, leasing: RunLeaseTests.leasing("a", time))
            let waiting = try await runtime.run(.question("refund", agent: "support"))
            let pending = try #require(try await runtime.pendingApprovals(tenant: "default").first)
            #expect(pending.request.expiresAt == pending.request.requestedAt.addingTimeInterval(3600))
            #expect(try await runtime.expireApprovals().isEmpty, "not yet")

            let supervisor = RunSupervisor(runtime: runtime, resumeInterrupted: true)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await supervisor.run() }
                time.advance(3601)
                #expect(await supervisor.expireApprovals().map(\.id) == [waiting.id])
                await finished.wait()
                supervisor.beginShutdown()
                try await group.waitForAll()
            }
            let done = try #require(try await fx.storage.store.loadRun(waiting.id, tenant: "default"))
            #expect(done.status == .completed)
            #expect(done.output?.stringValue?.contains("the approval request expired before anyone decided") == true, "\(done.output ?? .null)")
            #expect(refunds.count == 0)
            #expect(events.withLock { $0 }.contains(.approvalExpired))
            #expect(try await runtime.expireApprovals().isEmpty, "answered once")

            // on_expiry: fail
            let failing = fx.runtime(agents: [Self.agent(["refund_payment": ApprovalRule(.always, expiresIn: 60, onExpiry: .fail)])],
                                     tools: Self.tools(refunds), model: Self.model([("refund_payment", ["amount": 250])]),
                                     leasing: RunLeaseTests.leasing("a", time))
            let second = try await failing.run(.question("refund", agent: "support"))
            time.advance(61)
            #expect(try await failing.expireApprovals().map(\.id) == [second.id])
            let failed = try await failing.resume(second.id, tenant: "default")
            #expect(failed.status == .failed)
            #expect(failed.error?.contains("expired unanswered") == true, "\(failed.error ?? "")")
            #expect(refunds.count == 0)
        }
    }
}
