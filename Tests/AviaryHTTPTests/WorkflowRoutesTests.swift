import AviaryCore
import AviaryRuntime
import AviaryTesting
import AviaryWorkflows
import Foundation
import NIOHTTP1
import Synchronization
import Testing

/// The workflow endpoints: list and show (with Mermaid), execute with seed 003's request and
/// response (waiting for the end, or 202 at once), a run that waits for an approval, fork from a
/// node, and the errors (unknown workflow, bad input, fork of a running or non-workflow run).
@Suite struct WorkflowRoutesTests {
    /// Counts tool calls across tasks.
    final class Counter: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    static let pricing = """
        name: pricing
        version: 1.2.0
        description: Prices an order.
        input_schema: {type: object, required: [items], properties: {items: {type: array}, discount: {type: number}}}
        workflow:
          nodes:
            - {id: count, type: transform, expression: "length(input.items)"}
            - {id: quote, tool: quote, input: {count: "{{ nodes.count.output }}", discount: "{{ input.discount || `0` }}"}}
            - {id: check, type: approval, summary: "Charge {{ nodes.quote.output.total }}?", approvers: [owner]}
            - {id: big, type: transform, expression: "{total: nodes.quote.output.total, big: `true`}"}
          edges:
            - {from: count, to: quote}
            - {from: quote, to: check, when: "output.total > `100`"}
            - {from: quote, to: FINISH, when: "output.total <= `100`"}
            - {from: check, to: big}
            - {from: big, to: FINISH}
        """

    static func fixture(quotes: Counter) throws -> (WorkflowProgram, ClosureTool) {
        let definition = try WorkflowLoader().load(yaml: pricing, file: "workflows/pricing.yaml", defaultName: "pricing")
        let quote = ClosureTool("quote", policy: .readOnly) { args, _ in
            quotes.add()
            let count = args["count"]?.numberValue ?? 0, discount = args["discount"]?.numberValue ?? 0
            return ToolOutput(["total": .number(count * 60 - discount)])
        }
        return (try WorkflowProgram(definition), quote)
    }

    @Test func workflowsAreListedAndShownWithTheirGraph() async throws {
        let quotes = Counter()
        let (program, quote) = try Self.fixture(quotes: quotes)
        try await ServerFixture.with(agents: [TestAgents.support], tools: [quote], model: TestAgents.model(), programs: [program]) { fx in
            let key = try await fx.key()
            let list = try await fx.call(.GET, "/api/v1/workflows", key: key)
            #expect(list.status == 200)
            #expect(list.json?["workflows"] == [["name": "pricing", "version": "1.2.0", "description": "Prices an order.",
                                                 "input_schema": program.definition.inputSchema!, "file": "workflows/pricing.yaml", "nodes": 5]])
            let shown = try await fx.call(.GET, "/api/v1/workflows/pricing", key: key)
            #expect(shown.status == 200)
            #expect(shown.json?["mermaid"]?.stringValue?.hasPrefix("flowchart TD\n") == true)
            #expect(shown.json?["mermaid"]?.stringValue?.contains("n_quote -- \"output.total > `100`\" --> n_check") == true)
            #expect(shown.json?["definition"]?["workflow"]?["nodes"]?.arrayValue?.count == 4)
            let missing = try await fx.call(.GET, "/api/v1/workflows/nope", key: key)
            #expect(missing.status == 404 && missing.errorCode == "unknown_workflow")
        }
    }

    @Test func executeAnswersWithOutputsTraceAndCostsOrWithThePendingApproval() async throws {
        let quotes = Counter()
        let (program, quote) = try Self.fixture(quotes: quotes)
        try await ServerFixture.with(agents: [TestAgents.support], tools: [quote], model: TestAgents.model(), programs: [program]) { fx in
            let key = try await fx.key(principal: "alice")
            let small = try await fx.call(.POST, "/api/v1/workflows/execute", key: key,
                                          json: ["workflow_id": "pricing", "input_data": ["items": [1]], "context": ["conversation_id": "c1"]])
            #expect(small.status == 200, "\(small.json ?? .null)")
            #expect(small.json?["status"] == "completed")
            #expect(small.json?["sink"] == "FINISH")
            #expect(small.json?["result"] == ["total": 60])
            #expect(small.json?["outputs"]?["count"] == 1)
            #expect(small.json?["version"] == "1.2.0")
            let nodes = small.json?["trace"]?["nodes"]?.arrayValue?.map { "\($0["node_id"]?.stringValue ?? "") \($0["status"]?.stringValue ?? "")" }
            #expect(nodes == ["count completed", "quote completed", "check skipped", "big skipped", "FINISH completed"])
            #expect(small.json?["trace"]?["workflow_id"] == "pricing")
            #expect(small.json?["trace"]?["completed_at"] != nil && small.json?["total_cost_usd"] == 0)

            // the run's event stream: every frame matches the contract's RunEvent schema (node.* included)
            let smallRun = try #require(small.json?["execution_id"]?.stringValue)
            let stream = try await fx.stream(.GET, "/api/v1/runs/\(smallRun)/events?follow=false", key: key)
            let frames = try await stream.lines.frames()
            #expect(frames.compactMap(\.event).filter { $0.hasPrefix("node.") }.count >= 8)
            for frame in frames where frame.event != nil {
                #expect(APIContract.bundled.frameViolations(method: "GET", path: "/api/v1/runs/\(smallRun)/events", status: 200,
                                                            data: frame.data ?? "") == [], "\(frame.event ?? ""): \(frame.data ?? "")")
            }

            let big = try await fx.call(.POST, "/api/v1/workflows/execute", key: key, json: ["workflow_id": "pricing", "input_data": ["items": [1, 2, 3]]])
            #expect(big.status == 200)
            #expect(big.json?["status"] == "waiting")
            #expect(big.json?["pending"]?[0]?["summary"] == "Charge 180?")
            let run = try #require(big.json?["execution_id"]?.stringValue)
            let approved = try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: key, json: ["wait": true])
            #expect(approved.json?["status"] == "completed")
            #expect(approved.json?["output"]?["result"] == ["total": 180, "big": true])
            #expect(quotes.value == 2, "the approval resumed the run without quoting again")

            let later = try await fx.call(.POST, "/api/v1/workflows/execute", key: key,
                                          json: ["workflow_id": "pricing", "input_data": ["items": []], "wait": false])
            #expect(later.status == 202)
            let id = try #require(later.json?["execution_id"]?.stringValue)
            #expect(later.json?["status"] == "running" || later.json?["status"] == "completed")
            #expect(later.json?["events"] == .string("/api/v1/runs/\(id)/events"))
        }
    }

    @Test func badRequestsAreRefusedClearly() async throws {
        let quotes = Counter()
        let (program, quote) = try Self.fixture(quotes: quotes)
        try await ServerFixture.with(agents: [TestAgents.support], tools: [quote], model: TestAgents.model(), programs: [program]) { fx in
            let key = try await fx.key()
            let unknown = try await fx.call(.POST, "/api/v1/workflows/execute", key: key, json: ["workflow_id": "nope"])
            #expect(unknown.status == 404 && unknown.errorCode == "unknown_workflow")
            let missing = try await fx.call(.POST, "/api/v1/workflows/execute", key: key, json: ["workflow_id": "pricing", "input_data": ["discount": 5]])
            #expect(missing.status == 400 && missing.errorCode == "invalid_input")
            #expect(missing.json?["error"]?["message"]?.stringValue?.contains("items") == true, "\(missing.json ?? .null)")
            let notAWorkflow = try await fx.runtime.run(RunRequest(agent: "support", input: ["question": "hi"], tenant: "acme", principal: "key:alice"))
            let fork = try await fx.call(.POST, "/api/v1/runs/\(notAWorkflow.id.rawValue)/fork", key: key, json: ["from": "count"])
            #expect(fork.status == 400 && fork.errorCode == "invalid_fork", "\(fork.json ?? .null)")
            #expect(quotes.value == 0)
        }
    }

    @Test func aForkReusesTheNodesBeforeItsStartAndRunsTheRestAgain() async throws {
        let quotes = Counter()
        let (program, quote) = try Self.fixture(quotes: quotes)
        try await ServerFixture.with(agents: [TestAgents.support], tools: [quote], model: TestAgents.model(), programs: [program]) { fx in
            let key = try await fx.key(principal: "alice")
            let first = try await fx.call(.POST, "/api/v1/workflows/execute", key: key, json: ["workflow_id": "pricing", "input_data": ["items": [1]]])
            let run = try #require(first.json?["execution_id"]?.stringValue)
            #expect(quotes.value == 1)
            let forked = try await fx.call(.POST, "/api/v1/runs/\(run)/fork", key: key, json: ["from": "quote", "input": ["discount": 10]])
            #expect(forked.status == 200, "\(forked.json ?? .null)")
            #expect(forked.json?["forked_from"] == ["run_id": .string(run), "node": "quote"])
            #expect(forked.json?["result"] == ["total": 50], "quote ran again with the new discount")
            #expect(forked.json?["outputs"]?["count"] == 1, "count was reused")
            #expect(quotes.value == 2)
            let traced = forked.json?["trace"]?["nodes"]?.arrayValue?.compactMap { $0["node_id"]?.stringValue }
            #expect(traced?.contains("count") == false, "a reused node did not run: \(traced ?? [])")
            let badNode = try await fx.call(.POST, "/api/v1/runs/\(run)/fork", key: key, json: ["from": "nope"])
            #expect(badNode.status == 400 && badNode.errorCode == "invalid_fork")
            #expect(badNode.json?["error"]?["message"]?.stringValue?.contains("count, quote") == true)
        }
    }
}
