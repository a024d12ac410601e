import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

/// A program defined only in the tests (``RefundProgram``) runs on the kernel like the agent
/// kinds: it waits for typed input, takes exactly one valid answer, survives a crash after every
/// store write with its non-idempotent steps run at most once, and finds its child run again.
@Suite struct KernelProgramTests {
    static let unusedModel = FunctionModel { _ in .text("no model in this program") }

    static func runtime(_ fx: RuntimeFixture, _ ledger: RefundProgram.Ledger, store: (any RunStore)? = nil,
                        expiry: (TimeInterval, JSONValue)? = nil, sink: (any EventSink)? = nil,
                        leasing: RunLeasing = RuntimeFixture.leasing) -> AgentRuntime {
        fx.runtime(agents: [], tools: [], model: unusedModel, store: store,
                   programs: [RefundProgram(ledger: ledger, expiry: expiry), NotifyProgram(ledger: ledger)], sink: sink, leasing: leasing)
    }

    static func request(_ id: String) -> RunRequest {
        var request = RunRequest(agent: "refund", input: ["order": "o-7"], tenant: "default", principal: "ana")
        request.runID = RunID(id)
        return request
    }

    @Test func aProgramWaitsForTypedInputTakesOneValidAnswerAndFinishes() async throws {
        try await RuntimeFixture.with { fx in
            let ledger = RefundProgram.Ledger()
            let kinds = Mutex<[RunEvent.Kind]>([])
            let runtime = Self.runtime(fx, ledger, sink: ClosureEventSink { e in kinds.withLock { $0.append(e.kind) } })
            let waiting = try await runtime.run(Self.request("run_refund_1"))
            #expect(waiting.status == .waiting)
            #expect(waiting.agent == "refund", "the run names the program it runs")
            let pending = try #require(try await runtime.pendingApprovals(tenant: "default", runID: waiting.id).first)
            #expect(pending.stepKey == "ask")
            #expect(pending.request.kind == .input)
            #expect(pending.request.answerSchema?["properties"]?["amount"]?["maximum"] == 40)

            func answer(_ value: JSONValue?, by principal: String = "ana", role: Role = .user,
                        _ decision: ApprovalAnswer.Decision = .approved) async throws -> PendingApproval {
                try await runtime.answerApproval(waiting.id, tenant: "default", principal: principal, role: role, decision: decision,
                                                 reason: nil, value: value)
            }
            for (bad, expected) in [(nil, "give an answer value"), (["amount": 50], "does not match"), (["amount": "all"], "does not match")]
                as [(JSONValue?, String)] {
                let error = await #expect(throws: RuntimeError.self) { try await answer(bad) }
                #expect(error?.codeName == "invalidAnswer")
                #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
            }
            let stranger = await #expect(throws: RuntimeError.self) { try await answer(["amount": 10], by: "bob") }
            #expect(stranger?.codeName == "notAllowed")
            #expect(try await runtime.loadRun(waiting.id, tenant: "default")?.status == .waiting, "bad answers leave the run waiting")

            _ = try await answer(["amount": 25])
            let second = await #expect(throws: RuntimeError.self) { try await answer(["amount": 30]) }
            #expect(second?.codeName == "notWaiting")
            #expect(second?.message.contains("is running, not waiting") == true, "the first answer claimed the run: \(second?.message ?? "")")

            let done = try await runtime.resumeAnswered(waiting.id, tenant: "default")
            #expect(done.status == .completed, "\(done.error ?? "")")
            #expect(done.output?["refunded"] == 25)
            #expect(done.output?["receipt"] == "receipt-1")
            #expect(done.output?["note"] == "sent receipt-1 (1)")
            #expect(ledger.count("lookup") == 1, "the resume replays the recorded lookup")
            #expect(ledger.count("pay") == 1)
            #expect(ledger.count("send") == 1)
            let child = try #require(try await fx.storage.store.loadRun(waiting.id.child("notify"), tenant: "default"))
            #expect(child.parentRunID == waiting.id)
            #expect(child.agent == "notify")
            #expect(child.status == .completed)
            let journal = try await fx.storage.store.loadJournal(waiting.id, tenant: "default")
            #expect(Set(journal.map(\.key)) == ["lookup", "compute", "ask", "ask/read", "pay"])
            #expect(journal.first { $0.key == "ask" }?.output?["answer"]?["value"] == ["amount": 25])
            let seen = kinds.withLock { $0 }
            #expect(seen.contains(.approvalRequested) && seen.contains(.approvalGranted) && seen.contains(.runWaiting))
            #expect(try await runtime.resume(waiting.id, tenant: "default").status == .completed, "a finished run stays finished")
            #expect(ledger.count("pay") == 1)
        }
    }

    @Test func anUnansweredQuestionExpiresToItsDefaultAnswer() async throws {
        try await RuntimeFixture.with { fx in
            let ledger = RefundProgram.Ledger()
            let time = RunLeaseTests.TestTime()
            let runtime = Self.runtime(fx, ledger, expiry: (600, ["amount": 0]), leasing: RunLeaseTests.leasing("a", time))
            let waiting = try await runtime.run(Self.request("run_refund_expiry"))
            #expect(waiting.status == .waiting)
            #expect(try await runtime.expireApprovals().isEmpty, "not yet")
            time.advance(601)
            #expect(try await runtime.expireApprovals().map(\.id) == [waiting.id])
            let done = try await runtime.resumeAnswered(waiting.id, tenant: "default")
            #expect(done.status == .completed)
            #expect(done.output?["decision"] == "expired")
            #expect(done.output?["refunded"] == 0)
            #expect(ledger.count("pay") == 0)
        }
    }

    @Test func aProgramNamedLikeAnAgentIsRefused() async throws {
        try await RuntimeFixture.with { fx in
            let ledger = RefundProgram.Ledger()
            let runtime = fx.runtime(agents: [AgentDefinition(name: "refund", instructions: "")], tools: [], model: Self.unusedModel,
                                     programs: [RefundProgram(ledger: ledger)])
            let error = await #expect(throws: RuntimeError.self) { try await runtime.run(Self.request("run_refund_clash")) }
            #expect(error?.message.contains("names both an agent and a registered program") == true)
        }
    }

    /// Kills the process (every store write fails) after each number of writes of the whole
    /// story — start, answer, resume, the child — and finishes it on a fresh runtime the way an
    /// operator would: answer what waits, skip what needs attention. The payment and the
    /// notification happen exactly once whatever the crash point.
    @Test(arguments: 1...24)
    func aCrashAfterAnyWriteNeverRepeatsANonIdempotentStep(_ crashAfter: Int) async throws {
        try await RuntimeFixture.with { fx in
            let ledger = RefundProgram.Ledger()
            let id = RunID("run_refund_crash_\(crashAfter)")
            let crashing = CrashingStore(fx.storage.store, crashAfterWrites: crashAfter)
            let first = Self.runtime(fx, ledger, store: crashing)
            do {
                _ = try await first.run(Self.request(id.rawValue))
                _ = try await first.answerApproval(id, tenant: "default", principal: "ana", role: .user, decision: .approved, reason: nil,
                                                   value: ["amount": 30])
                _ = try await first.resumeAnswered(id, tenant: "default")
            } catch is CrashingStore.Crash {
            } catch let error as RuntimeError where crashing.crashed {
                _ = error // a crash seen through the runtime's own error
            }
            guard try await fx.storage.store.loadRun(id, tenant: "default") != nil else {
                #expect(crashing.crashed, "the run is stored before anything else happens")
                return
            }
            let restarted = Self.runtime(fx, ledger)
            var final: RunRecord?
            for _ in 0..<6 {
                let run = try #require(try await fx.storage.store.loadRun(id, tenant: "default"))
                switch run.status {
                case .completed:
                    final = run
                case .waiting:
                    // the question, or the child's — the program asks only once
                    if try await !restarted.pendingApprovals(tenant: "default", runID: id).isEmpty {
                        _ = try await restarted.answerApproval(id, tenant: "default", principal: "ana", role: .user, decision: .approved,
                                                               reason: nil, value: ["amount": 30])
                    }
                    _ = try await restarted.resumeAnswered(id, tenant: "default")
                case .needsAttention:
                    // the deepest run that needs attention is decided first (its parent waits on it)
                    let child = try await fx.storage.store.loadRun(id.child("notify"), tenant: "default")
                    if let child, child.status == .needsAttention {
                        _ = try await restarted.resume(child.id, tenant: "default", decision: .skip("sent by hand"))
                        _ = try await restarted.resume(id, tenant: "default")
                    } else {
                        _ = try await restarted.resume(id, tenant: "default", decision: .skip("receipt-by-hand"))
                    }
                default:
                    _ = try await restarted.resume(id, tenant: "default")
                }
                if final != nil { break }
            }
            let done = try #require(final, "the run finishes")
            #expect(done.output?["refunded"] == 30)
            #expect(ledger.count("pay") <= 1, "paid twice at crash point \(crashAfter)")
            #expect(ledger.count("send") <= 1, "notified twice at crash point \(crashAfter)")
            let receipt = done.output?["receipt"]?.stringValue
            #expect(ledger.count("pay") == 1 || receipt == "receipt-by-hand")
            #expect(receipt == (ledger.count("pay") == 1 ? "receipt-1" : "receipt-by-hand") || receipt == "receipt-by-hand")
            let events = try await fx.storage.store.loadEvents(id, tenant: "default")
            #expect(events.map(\.sequence) == Array(1...events.count), "event sequence has gaps or duplicates")
        }
    }

    @Test func crashPointsCoverEveryWriteOfTheStory() async throws {
        try await RuntimeFixture.with { fx in
            let ledger = RefundProgram.Ledger()
            let counting = CrashingStore(fx.storage.store, crashAfterWrites: Int.max - 1)
            let runtime = Self.runtime(fx, ledger, store: counting)
            let id = RunID("run_refund_count")
            _ = try await runtime.run(Self.request(id.rawValue))
            _ = try await runtime.answerApproval(id, tenant: "default", principal: "ana", role: .user, decision: .approved, reason: nil,
                                                 value: ["amount": 30])
            #expect(try await runtime.resumeAnswered(id, tenant: "default").status == .completed)
            #expect(counting.writeCount <= 24, "extend the crash-point range to \(counting.writeCount)")
        }
    }

    /// Asks two questions in turn.
    struct TwoQuestions: RunProgram {
        var name: String { "two-questions" }
        func run(in context: RunContext) async throws -> RunResult {
            let first = try await context.interrupt("first", ApprovalRequest(kind: .input, summary: "First?", approvers: [.owner]))
            let second = try await context.interrupt("second", ApprovalRequest(kind: .input, summary: "Second?", approvers: [.owner]))
            return RunResult(output: [first.value ?? .null, second.value ?? .null])
        }
    }

    @Test func eachAnswerIsAnnouncedOnceHoweverOftenTheRunResumes() async throws {
        try await RuntimeFixture.with { fx in
            let runtime = fx.runtime(agents: [], tools: [], model: Self.unusedModel, programs: [TwoQuestions()])
            var request = RunRequest(agent: "two-questions", input: [:], tenant: "default", principal: "ana")
            request.runID = "run_two_questions"
            let id = try await runtime.run(request).id
            for value in ["one", "two"] as [JSONValue] {
                _ = try await runtime.answerApproval(id, tenant: "default", principal: "ana", role: .user, decision: .approved,
                                                     reason: nil, value: value)
                _ = try await runtime.resumeAnswered(id, tenant: "default")
            }
            let done = try #require(try await fx.storage.store.loadRun(id, tenant: "default"))
            #expect(done.status == .completed)
            #expect(done.output == ["one", "two"])
            let events = try await fx.storage.store.loadEvents(id, tenant: "default")
            #expect(events.filter { $0.kind == .approvalGranted }.map { $0.data["step"] } == ["first", "second"],
                    "the first answer is not announced again when the run resumes for the second")
            #expect(events.filter { $0.kind == .approvalRequested }.count == 2)
        }
    }
}
