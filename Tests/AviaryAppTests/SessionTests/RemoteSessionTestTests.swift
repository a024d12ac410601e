import AviaryApp
import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryTesting
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// `aviary test --url`: a case asked of a running server (the support swarm behind `aviary serve`
/// on 127.0.0.1, a function model deciding), with the setup ingested through the ingest API and
/// the transcripts read through the sessions API.
@Suite struct RemoteSessionTestTests {
    static func toolResults(_ r: ModelRequest) -> [ToolResult] { r.messages.filter { $0.role == .tool }.flatMap(\.toolResults) }

    /// The router delegates to customer_support, which lists the active incidents' titles.
    static let model = FunctionModel { r in
        let results = toolResults(r)
        if r.messages.first?.text.contains("support assistant of a payments company") == true {
            if results.isEmpty { return .toolCall("customer_support", ["question": "Which incidents are active?"], id: "r1") }
            return .text("Here is what support found: \(results[0].content)")
        }
        if results.isEmpty { return .toolCall("get_active_incidents", [:], id: "s1") }
        let rows = try JSONValue(parsing: results[0].content).arrayValue ?? []
        return .text("Active incidents: " + rows.compactMap { $0["title"]?.stringValue }.joined(separator: "; "))
    }

    @Test func aCaseAgainstARunningServer() async throws {
        try await ExampleProject.with("support-swarm") { loaded in
            var config = loaded
            config.server.port = 0
            config.embeddings = .none // the setup's ingestion installs no embedding model
            let key = try await AviaryApplication.createAPIKey(config, tenant: "default", principal: "tester", role: "service", name: "test")
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let options = AviaryApplication.Options(environment: [:], logger: logger, modelProvider: SingleModelProvider(Self.model))
            try await ServedApplication.with(config, options: options) { port in
                let lines = Mutex<[String]>([])
                let runner = SessionTestRunner(configuration: config, options: .init(
                    caseName: "02_customer_data_active_incidents", url: "http://127.0.0.1:\(port)/chat", apiKey: key.key,
                    progress: { line in lines.withLock { $0.append(line) } }))
                let results = try await runner.run()
                let result = try #require(results.first)
                #expect(result.passed, "\(result.problems)")
                #expect(result.mode == .remote(url: "http://127.0.0.1:\(port)/chat"))
                #expect(lines.withLock { $0 }.contains { $0.hasPrefix("setup: ingested knowledge into 'infinitepay' (8 created") })
                let report = try String(contentsOf: config.projectDirectory.appendingPathComponent("tests/results/02_customer_data_active_incidents.md"), encoding: .utf8)
                #expect(report.contains("- chat_url: http://127.0.0.1:\(port)/chat"))
                #expect(report.contains("### Conversation: `router`\n"))
                #expect(report.contains("### Conversation: `customer_support`\n"))
                #expect(report.contains("- name: get_active_incidents"))
                #expect(report.range(of: "### Conversation: `router`")!.lowerBound < report.range(of: "### Conversation: `customer_support`")!.lowerBound)

                // a wrong key: the server's refusal, named
                let refused = SessionTestRunner(configuration: config, options: .init(caseName: "02_customer_data_active_incidents",
                                                                                     url: "http://127.0.0.1:\(port)", apiKey: "avk_wrong"))
                await #expect(throws: SessionTestError.self) { _ = try await refused.run() }
            }
        }
    }
}
