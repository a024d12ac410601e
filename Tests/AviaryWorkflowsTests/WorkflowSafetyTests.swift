import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryWorkflows
import Foundation
import Synchronization
import Testing

/// What a workflow must never do: skip a rejected approval in a fork, let a caller or a model widen
/// an agent's tools or fake a fork, run a node again after its error edge was taken, call a
/// non-idempotent tool again after a timeout, answer the wrong one of several pending requests,
/// run a draft agent, or strand a waiting run whose file was removed.
@Suite struct WorkflowSafetyTests {
    final class Count: Sendable {
        private let n = Mutex(0)
        func add() { n.withLock { $0 += 1 } }
        var value: Int { n.withLock { $0 } }
    }

    static let refund = """
        name: refund_flow
        workflow:
          nodes:
            - {id: ok, type: approval, summary: "Refund?", approvers: [admin]}
            - {id: pay, tool: refund}
          edges:
            - {from: ok, to: pay}
            - {from: pay, to: FINISH}
        """

    @Test func aForkAfterARejectedApprovalAsksAgainInsteadOfReusingIt() async throws {
        try await WorkflowFixture.with { fx in
            let paid = Count()
            let refund = ClosureTool("refund", policy: ToolPolicy(idempotent: false)) { _, _ in paid.add(); return ToolOutput("paid") }
            let runtime = try fx.runtime([try WorkflowFixture.definition(Self.refund, tools: ["refund"])], tools: [refund])
            let waiting = try await runtime.run(WorkflowFixture.request("refund_flow", [:]))
            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "root", role: .admin, decision: .rejected, reason: "no")
            let rejected = try await runtime.resume(waiting.id, tenant: "default")
            #expect(rejected.status == .failed)
            let journal = try await fx.storage.store.loadJournal(rejected.id, tenant: "default")
            let input = try WorkflowFork(source: rejected, journal: journal).input(from: "pay", overrides: nil)
            #expect(input.fork?.outputs["ok"] == nil, "the rejected approval has no completed attempt to reuse")
            var request = RunRequest(agent: "refund_flow", input: input.stored, tenant: "default", principal: "ana")
            request.runID = RunID("run_forked_refund")
            let forked = try await runtime.run(request)
            #expect(forked.status == .waiting, "the fork asks for the approval again")
            #expect(paid.value == 0)
        }
    }

    @Test func aCallersInputCannotWidenAnAgentsToolsAndAModelCannotFakeAFork() async throws {
        try await WorkflowFixture.with { fx in
            let secret = ClosureTool("secret", policy: .readOnly) { _, _ in ToolOutput("classified") }
            let flow = try WorkflowFixture.definition("""
                name: ask
                workflow:
                  nodes:
                    - {id: answer, agent: helper}
                  edges:
                    - {from: answer, to: FINISH}
                """, agents: ["helper"])
            let offered = Mutex<[[String]]>([])
            let model = FunctionModel { request in
                offered.withLock { $0.append(request.tools.map(\.name)) }
                return .text("done")
            }
            let runtime = try fx.runtime([flow], agents: [AgentDefinition(name: "helper", instructions: "Help.", tools: [])],
                                         tools: [secret], model: model)
            let run = try await runtime.run(WorkflowFixture.request("ask", ["question": "hi", "agent_overrides": ["tools": ["*"], "model": "pricey"]]))
            #expect(run.status == .completed, "\(run.error ?? "")")
            #expect(offered.withLock { $0 } == [[]], "the agent got its own tools only")
            let child = try #require(try await fx.storage.store.loadRun(run.id.child("node/answer/attempt/1/run"), tenant: "default"))
            #expect(child.input["agent_overrides"] == nil)

            let program = try WorkflowProgram(flow)
            let arguments: JSONValue = ["input": ["question": "x"], "fork": ["run_id": "r", "from": "answer", "outputs": [:]]]
            #expect(WorkflowInput(stored: program.input(fromArguments: arguments)).fork == nil, "a model's arguments are only ever the input")
        }
    }

    @Test func aFailureFollowedToItsErrorEdgeIsNotRunAgainOnResume() async throws {
        try await WorkflowFixture.with { fx in
            let charges = Count()
            let charge = ClosureTool("charge", policy: ToolPolicy(idempotent: false)) { _, _ in
                charges.add()
                throw ToolError.failed("card declined")
            }
            let yaml = """
                name: charge_flow
                workflow:
                  nodes:
                    - {id: charge, tool: charge, on_error: review}
                    - {id: review, type: approval, summary: "{{ nodes.charge.output.error }}"}
                  edges:
                    - {from: charge, to: FINISH}
                    - {from: review, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml, tools: ["charge"])], tools: [charge])
            let waiting = try await runtime.run(WorkflowFixture.request("charge_flow", [:]))
            #expect(waiting.status == .waiting)
            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "ana", role: .user, decision: .approved, reason: nil)
            let done = try await runtime.resume(waiting.id, tenant: "default")
            #expect(done.status == .completed, "\(done.error ?? "")")
            #expect(charges.value == 1, "the failed charge was not called again")
            #expect(fx.nodeEvents(done.id).filter { $0 == "node.failed charge" }.count == 1)
        }
    }

    @Test func aTimedOutNonIdempotentToolIsNotRetried() async throws {
        try await WorkflowFixture.with { fx in
            let calls = Count()
            let slow = ClosureTool("transfer", policy: ToolPolicy(idempotent: false)) { _, _ in
                calls.add()
                try await Task.sleep(for: .seconds(30)) // sleep-ok: the node's timeout cancels it
                return ToolOutput("sent")
            }
            let yaml = """
                name: transfer_flow
                workflow:
                  nodes:
                    - {id: send, tool: transfer, timeout: 50ms, retry: {attempts: 3, backoff: 1ms}}
                  edges:
                    - {from: send, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml, tools: ["transfer"])], tools: [slow])
            let run = try await runtime.run(WorkflowFixture.request("transfer_flow", [:]))
            #expect(run.status == .failed)
            #expect(run.error?.contains("not idempotent and may still be running") == true, "\(run.error ?? "")")
            #expect(calls.value == 1)
        }
    }

    @Test func severalPendingRequestsAreAnsweredByStep() async throws {
        try await WorkflowFixture.with { fx in
            let yaml = """
                name: two
                workflow:
                  nodes:
                    - {id: legal, type: approval, summary: "Legal ok?"}
                    - {id: finance, type: approval, summary: "Finance ok?"}
                  edges:
                    - {from: legal, to: FINISH}
                    - {from: finance, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml)])
            let waiting = try await runtime.run(WorkflowFixture.request("two", [:]))
            #expect(waiting.status == .waiting)
            #expect(try await runtime.pendingApprovals(tenant: "default", runID: waiting.id).count == 2, "both branches asked")
            let ambiguous = await #expect(throws: RuntimeError.self) {
                try await runtime.answerApproval(waiting.id, tenant: "default", principal: "ana", role: .user, decision: .approved, reason: nil)
            }
            #expect(ambiguous?.message.contains("node/legal/attempt/1/request") == true, "\(ambiguous?.message ?? "")")
            let answered = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "ana", role: .user, decision: .approved,
                                                            reason: nil, step: "node/finance/attempt/1/request")
            #expect(answered.request.summary == "Finance ok?")
            let still = try await runtime.resumeAnswered(waiting.id, tenant: "default")
            #expect(still.status == .waiting)
            #expect(try await runtime.pendingApprovals(tenant: "default", runID: waiting.id).map(\.request.summary) == ["Legal ok?"])
        }
    }

    @Test func aDraftAgentDoesNotRunInAWorkflow() async throws {
        try await WorkflowFixture.with { fx in
            let flow = try WorkflowFixture.definition("""
                name: drafty
                workflow:
                  nodes:
                    - {id: a, agent: wip}
                  edges:
                    - {from: a, to: FINISH}
                """, agents: ["wip"])
            let runtime = try fx.runtime([flow], agents: [AgentDefinition(name: "wip", instructions: "x", status: .draft)])
            let run = try await runtime.run(WorkflowFixture.request("drafty", [:]))
            #expect(run.status == .failed && run.error?.contains("'wip' is a draft") == true, "\(run.error ?? "")")
        }
    }
}
