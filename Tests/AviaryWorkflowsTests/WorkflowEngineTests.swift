import AviaryCore
import AviaryRuntime
import AviaryTesting
import AviaryWorkflows
import Foundation
import Synchronization
import Testing

/// The engine runs the DAG: parallel branches, conditions, skips that propagate, joins, retries,
/// error edges, maps and interrupts, each node journaled so a resume does not run it again.
@Suite struct WorkflowEngineTests {
    /// The benchmark's `dag` workload, written with transforms.
    static let order = """
        name: order
        version: 1.0.0
        input_schema: {type: object, required: [order], properties: {order: {type: object}}}
        workflow:
          nodes:
            - {id: validate, type: transform, expression: "{ok: length(input.order.items) > `0`, count: length(input.order.items)}"}
            - {id: price, type: transform, expression: "{subtotal: `40.0`, currency: 'USD'}"}
            - {id: stock, type: transform, expression: "{available: `true`, warehouse: 'w1'}"}
            - {id: fraud, type: transform, expression: "{score: `0.02`, flag: `false`}"}
            - {id: shipping, type: transform, expression: "{cost: `2.0`, days: `3`}"}
            - id: total
              type: transform
              expression: "{total: sum([nodes.price.output.subtotal, nodes.shipping.output.cost]), approved: nodes.stock.output.available && !(nodes.fraud.output.flag)}"
            - {id: reject, type: transform, expression: "{reason: 'empty order'}"}
          edges:
            - {from: validate, to: price, when: output.ok}
            - {from: validate, to: stock, when: output.ok}
            - {from: validate, to: fraud, when: output.ok}
            - {from: validate, to: shipping, when: output.ok}
            - {from: validate, to: reject, condition: {type: jmespath, expression: "!(output.ok)"}}
            - {from: price, to: total}
            - {from: stock, to: total}
            - {from: fraud, to: total}
            - {from: shipping, to: total}
            - {from: total, to: FINISH}
            - {from: reject, to: FINISH}
        """

    @Test func theOrderGraphRunsItsBranchesJoinsThemAndSkipsTheRejectPath() async throws {
        try await WorkflowFixture.with { fx in
            let runtime = try fx.runtime([try WorkflowFixture.definition(Self.order)])
            let input: JSONValue = ["order": ["id": "o-1", "items": [["sku": "a", "qty": 1], ["sku": "b", "qty": 2]]]]
            let run = try await runtime.run(WorkflowFixture.request("order", input))
            #expect(run.status == .completed, "\(run.error ?? "")")
            #expect(run.output?["result"] == ["total": 42.0, "approved": true])
            #expect(run.output?["sink"] == "FINISH")
            #expect(run.output?["status"] == "finished")
            #expect(run.output?["outputs"]?["validate"] == ["ok": true, "count": 2])
            #expect(run.output?["outputs"]?["reject"] == nil)
            let events = fx.nodeEvents(run.id)
            #expect(events.contains("node.skipped reject"))
            #expect(events.filter { $0.hasPrefix("node.finished") }.count == 7, "six nodes and the sink: \(events)")
            #expect(events.firstIndex(of: "node.finished total")! > events.firstIndex(of: "node.finished shipping")!)

            let empty = try await runtime.run(WorkflowFixture.request("order", ["order": ["id": "o-2", "items": []]]))
            #expect(empty.output?["result"] == ["reason": "empty order"])
            #expect(Set(fx.nodeEvents(empty.id).filter { $0.hasPrefix("node.skipped") })
                    == ["node.skipped price", "node.skipped stock", "node.skipped fraud", "node.skipped shipping", "node.skipped total"],
                    "skipping propagates to the join")
        }
    }

    @Test func anInputThatBreaksTheSchemaFailsTheRunNamingTheField() async throws {
        try await WorkflowFixture.with { fx in
            let runtime = try fx.runtime([try WorkflowFixture.definition(Self.order)])
            let run = try await runtime.run(WorkflowFixture.request("order", ["customer": "c1"]))
            #expect(run.status == .failed)
            #expect(run.error?.contains("input_schema") == true && run.error?.contains("order") == true, "\(run.error ?? "")")
        }
    }

    @Test func aFlakyToolIsRetriedAndAFailureFollowsTheErrorEdge() async throws {
        try await WorkflowFixture.with { fx in
            let calls = Mutex(0)
            let flaky = ClosureTool("flaky", policy: .readOnly) { _, _ in
                let n = calls.withLock { $0 += 1; return $0 }
                if n < 3 { throw ToolError.failed("try again (\(n))") }
                return ToolOutput(["ok": true, "calls": .number(Double(n))])
            }
            let broken = ClosureTool("broken", policy: .readOnly) { _, _ in throw ToolError.failed("the ledger is down") }
            let yaml = """
                name: flaky
                workflow:
                  nodes:
                    - {id: fetch, tool: flaky, retry: {attempts: 3, backoff: 1ms, jitter: false}}
                    - {id: post, tool: broken, on_error: apologise}
                    - {id: apologise, type: transform, expression: "join(' ', ['sorry:', nodes.post.output.error])"}
                  edges:
                    - {from: fetch, to: post}
                    - {from: post, to: FINISH}
                    - {from: apologise, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml, tools: ["flaky", "broken"])], tools: [flaky, broken])
            let run = try await runtime.run(WorkflowFixture.request("flaky", [:]))
            #expect(run.status == .completed, "\(run.error ?? "")")
            #expect(run.output?["outputs"]?["fetch"]?["calls"] == 3)
            #expect(run.output?["result"] == "sorry: the ledger is down", "\(run.output?.jsonString ?? "")")
            #expect(run.output?["outputs"]?["post"] == ["error": "the ledger is down", "node": "post"])
            let events = fx.nodeEvents(run.id)
            #expect(events.filter { $0 == "node.retrying fetch" }.count == 2)
            #expect(events.contains("node.failed post"))
        }
    }

    @Test func aFailedNodeWithoutAnErrorEdgeFailsTheRunNamingTheNodeAndTheExpression() async throws {
        try await WorkflowFixture.with { fx in
            let yaml = """
                name: broken
                workflow:
                  nodes:
                    - {id: count, type: transform, expression: "length(input.items)"}
                  edges:
                    - {from: count, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml)])
            let run = try await runtime.run(WorkflowFixture.request("broken", ["items": 7]))
            #expect(run.status == .failed)
            #expect(run.error?.contains("node 'count'") == true && run.error?.contains("length(input.items)") == true, "\(run.error ?? "")")
        }
    }

    @Test func aMapRunsItsNodeForEachElementInOrderAndCollectsErrors() async throws {
        try await WorkflowFixture.with { fx in
            let lookup = ClosureTool("lookup", policy: .readOnly) { args, _ in
                let sku = args["sku"]?.stringValue ?? ""
                if sku == "bad" { throw ToolError.notFound("no sku \(sku)") }
                return ToolOutput(["sku": .string(sku), "price": .number(Double(sku.count))])
            }
            let yaml = """
                name: prices
                workflow:
                  nodes:
                    - id: each
                      type: map
                      over: input.items
                      max_concurrency: 2
                      on_error: collect
                      node: {type: tool, tool: lookup, input: {sku: "{{ item.sku }}"}}
                  edges:
                    - {from: each, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml, tools: ["lookup"])], tools: [lookup])
            let run = try await runtime.run(WorkflowFixture.request("prices", ["items": [["sku": "a"], ["sku": "bad"], ["sku": "ccc"], ["sku": "dd"]]]))
            #expect(run.status == .completed, "\(run.error ?? "")")
            let result = try #require(run.output?["result"]?.arrayValue)
            #expect(result.count == 4)
            #expect(result[0] == ["sku": "a", "price": 1])
            #expect(result[1]["error"]?.stringValue?.contains("no sku bad") == true)
            #expect(result[3] == ["sku": "dd", "price": 2])
            let progress = fx.events.all.filter { $0.runID == run.id && $0.kind == .nodeProgress }
            #expect(progress.count == 4 && progress.last?.data["failed"] == 1)

            let notArray = try await runtime.run(WorkflowFixture.request("prices", ["items": "abc"]))
            #expect(notArray.status == .failed)
            #expect(notArray.error?.contains("needs an array; it gave a string \"abc\"") == true, "\(notArray.error ?? "")")
        }
    }

    @Test func anApprovalNodeWaitsAndTheApprovedActionRunsExactlyOnceAcrossResumes() async throws {
        try await WorkflowFixture.with { fx in
            let looks = Mutex(0), refunds = Mutex(0)
            let lookup = ClosureTool("lookup", policy: .readOnly) { _, _ in
                looks.withLock { $0 += 1 }
                return ToolOutput(["amount": 30])
            }
            let refund = ClosureTool("refund", policy: ToolPolicy(idempotent: false)) { args, _ in
                refunds.withLock { $0 += 1 }
                return ToolOutput(["refunded": args["amount"] ?? .null])
            }
            let yaml = """
                name: refund_flow
                workflow:
                  nodes:
                    - {id: look, tool: lookup}
                    - {id: ok, type: approval, summary: "Refund {{ nodes.look.output.amount }} USD?", approvers: [admin]}
                    - {id: note, type: human_input, summary: "A note for the customer", schema: {type: string}}
                    - {id: pay, tool: refund, input: {amount: "{{ nodes.look.output.amount }}"}}
                  edges:
                    - {from: look, to: ok}
                    - {from: ok, to: note}
                    - {from: note, to: pay}
                    - {from: pay, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml, tools: ["lookup", "refund"])], tools: [lookup, refund])
            let first = try await runtime.run(WorkflowFixture.request("refund_flow", [:]))
            #expect(first.status == .waiting)
            let pending = try #require(try await runtime.pendingApprovals(tenant: "default", runID: first.id).first)
            #expect(pending.request.summary == "Refund 30 USD?")
            let stranger = await #expect(throws: RuntimeError.self) {
                try await runtime.answerApproval(first.id, tenant: "default", principal: "ana", role: .user, decision: .approved, reason: nil)
            }
            #expect(stranger?.codeName == "notAllowed")
            _ = try await runtime.answerApproval(first.id, tenant: "default", principal: "root", role: .admin, decision: .approved, reason: "fine")
            let second = try await runtime.resume(first.id, tenant: "default")
            #expect(second.status == .waiting, "now the note")
            _ = try await runtime.answerApproval(first.id, tenant: "default", principal: "ana", role: .user, decision: .approved,
                                                 reason: nil, value: "Sorry for the trouble")
            let done = try await runtime.resume(first.id, tenant: "default")
            #expect(done.status == .completed, "\(done.error ?? "")")
            #expect(done.output?["outputs"]?["ok"] == ["approved": true, "by": "root", "reason": "fine"])
            #expect(done.output?["outputs"]?["note"] == "Sorry for the trouble")
            #expect(done.output?["result"] == ["refunded": 30])
            #expect(looks.withLock { $0 } == 1, "completed nodes are replayed, not run again")
            let events = fx.nodeEvents(first.id)
            #expect(events.filter { $0 == "node.started ok" }.count == 1 && events.filter { $0 == "node.started note" }.count == 1,
                    "a node that waited is announced once: \(events)")
            #expect(refunds.withLock { $0 } == 1)
            let again = try await runtime.resume(first.id, tenant: "default")
            #expect(again.status == .completed && refunds.withLock { $0 } == 1)
        }
    }

    @Test func aRejectedApprovalFailsItsNodeAndTheActionNeverRuns() async throws {
        try await WorkflowFixture.with { fx in
            let refunds = Mutex(0)
            let refund = ClosureTool("refund", policy: ToolPolicy(idempotent: false)) { _, _ in
                refunds.withLock { $0 += 1 }
                return ToolOutput("done")
            }
            let yaml = """
                name: guarded
                workflow:
                  nodes:
                    - {id: pay, tool: refund, approval: {approvers: [owner]}}
                  edges:
                    - {from: pay, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml, tools: ["refund"])], tools: [refund])
            let waiting = try await runtime.run(WorkflowFixture.request("guarded", [:]))
            #expect(waiting.status == .waiting)
            _ = try await runtime.answerApproval(waiting.id, tenant: "default", principal: "ana", role: .user, decision: .rejected, reason: "no")
            let ended = try await runtime.resume(waiting.id, tenant: "default")
            #expect(ended.status == .failed)
            #expect(ended.error?.contains("rejected by ana: no") == true, "\(ended.error ?? "")")
            #expect(refunds.withLock { $0 } == 0)
        }
    }
}
