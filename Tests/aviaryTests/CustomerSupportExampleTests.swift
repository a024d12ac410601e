import AsyncHTTPClient
import AviaryCore
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// `Examples/customer-support-advanced`, seed 003's `customer_support_advanced` workflow, driven end
/// to end by real `aviary` processes against a fake OpenAI server whose scripted replies stand in for
/// the models' decisions: through `aviary run` (a return whose refund waits for approval, then a
/// process killed mid-run and the run resumed) and through `POST /api/v1/workflows/execute`.
@Suite struct CustomerSupportExampleTests {
    static let message = "I want to return order #12345"

    /// A copy of the example with a model that reaches the fake server.
    static func copyExample(to dir: URL) throws -> URL {
        let project = dir.appendingPathComponent("customer-support-advanced")
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root = root.deletingLastPathComponent() }
        try FileManager.default.copyItem(at: root.appendingPathComponent("Examples/customer-support-advanced"), to: project)
        for leftover in [".aviary", "data/shop.db"] { try? FileManager.default.removeItem(at: project.appendingPathComponent(leftover)) }
        let config = project.appendingPathComponent("aviary.yaml")
        try (try String(contentsOf: config, encoding: .utf8) + "\nmodel: openai/fake-model\n").write(to: config, atomically: true, encoding: .utf8)
        return project
    }

    static func env(_ server: FakeOpenAIServer) -> [String: String] { ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL, "AVIARY_PORT": "0"] }

    /// Every event of every run of the tenant (the workflow run and its agents' child runs).
    static func allEvents(_ project: URL) async throws -> [RunEvent] {
        try await SQLiteStorage.withStorage(path: project.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
            var events: [RunEvent] = []
            for run in try await storage.store.listRuns(tenant: "default", limit: 50) {
                events += try await storage.store.loadEvents(run.id, tenant: "default")
            }
            return events
        }
    }

    static func toolCalls(_ events: [RunEvent], _ name: String) -> Int {
        events.filter { $0.kind == .toolStarted && $0.data["name"]?.stringValue == name }.count
    }

    @Test func aReturnWaitsForTheRefundsApprovalSurvivesAKillAndFinishes() async throws {
        try await withTemporaryDirectory { dir in
            let project = try Self.copyExample(to: dir)
            let input = #"{"customer_message":"\#(Self.message)","customer_id":"cust_789"}"#
            // 1. classify, then the return agent looks the order up, opens the return and asks to refund: the run waits
            let runID: String = try await withFakeOpenAIServer(replies: [
                .text(#"{"intent":"return_request","confidence":0.95}"#),
                .toolCalls([FakeToolCall(id: "c1", name: "get_order", arguments: #"{"order_id":"12345"}"#)]),
                .toolCalls([FakeToolCall(id: "c2", name: "create_return",
                                         arguments: #"{"order_id":"12345","customer_id":"cust_789","reason":"Customer wants to return the order"}"#)]),
                .toolCalls([FakeToolCall(id: "c3", name: "refund_payment",
                                         arguments: #"{"order_id":"12345","customer_id":"cust_789","return_id":"RET-12345","amount":129.99}"#)]),
            ]) { server in
                let (status, out, err) = try await CLIProcess.run(["run", "customer_support_advanced", "--project", project.path, "--input", input, "--json"],
                                                                  environment: Self.env(server))
                #expect(status == 0, "\(err)")
                let report = try JSONValue(parsing: Array(out.utf8))
                #expect(report["status"] == "waiting", "\(out)")
                #expect(report["outputs"]?["classify_intent"] == ["intent": "return_request", "confidence": 0.95])
                #expect(report["pending"]?[0]?["tool"] == "refund_payment")
                #expect(server.requests.count == 4)
                return try #require(report["execution_id"]?.stringValue)
            }
            let (listed, listOut, _) = try await CLIProcess.run(["approvals", "list", "--project", project.path], environment: ["OPENAI_API_KEY": "x"])
            #expect(listed == 0 && listOut.contains("refund_payment"), "\(listOut)")

            // 2. approved; the refund runs, then the process is killed while the return agent's next model call is held up
            try await withFakeOpenAIServer(replies: [
                .error(status: 429, body: #"{"error":{"message":"slow down","type":"rate_limit"}}"#, retryAfter: "30"),
            ]) { server in
                let cli = try CLIProcess(["approvals", "approve", runID, "--project", project.path], environment: Self.env(server))
                try await cli.start()
                #expect(try await eventually { server.requests.count >= 1 || !cli.isRunning })
                #expect(cli.isRunning, "killed mid-run")
                kill(cli.processIdentifier, SIGKILL)
                _ = await cli.finish()
            }
            #expect(Self.toolCalls(try await Self.allEvents(project), "refund_payment") == 1)

            // 3. resumed: nothing done before runs again; the agent answers, the responder writes the reply
            try await withFakeOpenAIServer(replies: [
                .text("Return RET-12345 opened for order 12345; refund RF-12345 of 129.99 USD approved."),
                .text("Hi John! Your return RET-12345 is open and 129.99 USD is on its way back to you."),
            ]) { server in
                let (status, out, err) = try await CLIProcess.run(["runs", "resume", runID, "--project", project.path], environment: Self.env(server))
                #expect(status == 0, "\(err)")
                #expect(out.contains("completed"), "\(out)")
                #expect(out.contains("Your return RET-12345 is open"))
                #expect(server.requests.count == 2, "the classification and the return agent's earlier calls are not asked again")
            }
            let events = try await Self.allEvents(project)
            #expect(Self.toolCalls(events, "refund_payment") == 1, "the approved refund ran exactly once")
            #expect(Self.toolCalls(events, "get_order") == 1 && Self.toolCalls(events, "create_return") == 1)
            #expect(events.filter { $0.kind == .nodeFinished && $0.data["node"] == "classify_intent" }.count == 1)
            #expect(events.contains { $0.kind == .nodeSkipped && $0.data["node"] == "general_answer" })
        }
    }

    @Test func theExecuteAPIAnswersWithSeed003sResponse() async throws {
        try await withTemporaryDirectory { dir in
            let project = try Self.copyExample(to: dir)
            try await withFakeOpenAIServer(replies: [
                .text(#"{"intent":"order_status","confidence":0.9}"#),
                .toolCalls([FakeToolCall(id: "c1", name: "get_order", arguments: #"{"order_id":"12346"}"#)]),
                .text("Order 12346 has shipped."),
                .text("Hi John! Your order 12346 is on its way."),
            ]) { server in
                let env = Self.env(server)
                let (_, keyOut, _) = try await CLIProcess.run(["keys", "create", "--project", project.path, "--tenant", "shop", "--role", "user",
                                                               "--principal", "web"], environment: env)
                let key = keyOut.trimmingCharacters(in: .whitespacesAndNewlines)
                let cli = try CLIProcess(["serve", "--project", project.path], environment: env)
                try await cli.start()
                defer { if cli.isRunning { kill(cli.processIdentifier, SIGKILL) } }
                let bound = try await cli.listeningPort()
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
                defer { _ = client.shutdown() }
                let (code, body) = try await ApprovalKillTests.call(client, .POST, "http://127.0.0.1:\(bound)/api/v1/workflows/execute", key: key, body: """
                    {"workflow_id": "customer_support_advanced",
                     "input_data": {"customer_message": "Where is my order #12346?", "customer_id": "cust_789"},
                     "context": {"conversation_id": "conv_abc123", "customer_email": "john@example.com"}}
                    """)
                #expect(code == 200, "\(body)")
                #expect(body["status"] == "completed")
                #expect(body["outputs"]?["classify_intent"] == ["intent": "order_status", "confidence": 0.9])
                #expect(body["outputs"]?["general_answer"] == "Order 12346 has shipped.")
                #expect(body["result"] == "Hi John! Your order 12346 is on its way.")
                let trace = body["trace"]?["nodes"]?.arrayValue?.map { "\($0["node_id"]?.stringValue ?? "") \($0["status"]?.stringValue ?? "")" }
                #expect(trace == ["classify_intent completed", "handle_return skipped", "general_answer completed", "assemble_response completed",
                                  "FINISH completed"])
                #expect(body["trace"]?["costs"]?["total_usd"] != nil && body["duration_ms"] != nil)
                let reply = server.requestBodies.last?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
                #expect(reply.contains("Customer email: john@example.com"), "the responder's input reads run.context: \(reply)")

                let listed = try await ApprovalKillTests.call(client, .GET, "http://127.0.0.1:\(bound)/api/v1/workflows", key: key)
                #expect(listed.1["workflows"]?[0]?["name"] == "customer_support_advanced")
                let bad = try await ApprovalKillTests.call(client, .POST, "http://127.0.0.1:\(bound)/api/v1/workflows/execute", key: key,
                                                          body: #"{"workflow_id": "customer_support_advanced", "input_data": {}}"#)
                #expect(bad.0 == 400 && bad.1["error"]?["message"]?.stringValue?.contains("customer_message") == true, "\(bad.1)")
            }
        }
    }
}
