import AsyncHTTPClient
import AviaryApp
import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryTesting
import AviaryTestSupport
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization
import Testing

/// `aviary serve` as composed by the app: the support-swarm example behind the real HTTP server,
/// with Prometheus metrics and OTLP traces flowing to a local collector.
@Suite struct ServeTests {
    static func isRouter(_ r: ModelRequest) -> Bool { r.messages.first?.text.contains("support assistant of a payments company") == true }

    /// The router delegates to customer_support, which lists the active incidents.
    static let model = FunctionModel { r in
        let results = r.messages.filter { $0.role == .tool }.flatMap(\.toolResults)
        if isRouter(r) {
            if results.isEmpty { return .toolCall("customer_support", ["question": "Which incidents are active?"], id: "r1") }
            return .text("Support says: \(results[0].content)")
        }
        if results.isEmpty { return .toolCall("get_active_incidents", [:], id: "s1") }
        return .text("There are active incidents.")
    }

    /// SQLite always; PostgreSQL too when the test server is configured (CI).
    static var backends: [String] { FreshPostgresDatabase.serverURL == nil ? ["sqlite"] : ["sqlite", "postgres"] }

    @Test(arguments: Self.backends)
    func chatMetricsAndTracesEndToEnd(_ backend: String) async throws {
        if backend == "postgres" {
            try await FreshPostgresDatabase.with { url in try await endToEnd(databaseURL: url) }
        } else {
            try await endToEnd(databaseURL: nil)
        }
    }

    func endToEnd(databaseURL: String?) async throws {
        try await withFakeOTLPCollector { collector in
            try await ExampleProject.with("support-swarm") { loaded in
                var config = loaded
                config.databaseURL = databaseURL
                let key = try await AviaryApplication.createAPIKey(config, tenant: "default", principal: "web", role: "service", name: "test")
                let admin = try await AviaryApplication.createAPIKey(config, tenant: "default", principal: "ops", role: "admin", name: "scraper")
                var logger = Logger(label: "test")
                logger.logLevel = .critical
                let options = AviaryApplication.Options(environment: ["AVIARY_OTLP_ENDPOINT": collector.endpoint], logger: logger,
                                                        modelProvider: SingleModelProvider(Self.model))
                config.server.port = 0
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
                defer { _ = client.shutdown() }
                try await ServedApplication.with(config, options: options) { port in
                    let base = "http://127.0.0.1:\(port)"

                    var chat = HTTPClientRequest(url: base + "/chat")
                    chat.method = .POST
                    chat.headers.add(name: "Authorization", value: "Bearer \(key.key)")
                    chat.body = .bytes(ByteBuffer(string: #"{"userId":"client789","question":"Any incidents?"}"#))
                    let response = try await client.execute(chat, timeout: .seconds(30))
                    let body = try JSONValue(parsing: String(buffer: try await response.body.collect(upTo: 1 << 20)))
                    #expect(response.status.code == 200)
                    #expect(body["response"]?.stringValue == "Support says: There are active incidents.")
                    #expect(body["metadata"]?["total_tokens"]?.intValue == 60, "four model calls of 15 tokens")

                    // /metrics needs an admin's credentials unless server.public_metrics is set.
                    let anonymous = try await client.execute(HTTPClientRequest(url: base + "/metrics"), timeout: .seconds(10))
                    #expect(anonymous.status.code == 401)
                    var scrape = HTTPClientRequest(url: base + "/metrics")
                    scrape.headers.add(name: "Authorization", value: "Bearer \(admin.key)")
                    let metricsResponse = try await client.execute(scrape, timeout: .seconds(10))
                    let metrics = String(buffer: try await metricsResponse.body.collect(upTo: 1 << 20))
                    #expect(metrics.contains(#"aviary_http_requests_total{"#) && metrics.contains(#"route="/chat""#))
                    #expect(metrics.contains(#"aviary_runs_total{agent="router",status="completed"} 1"#))
                    #expect(metrics.contains(#"aviary_runs_total{agent="customer_support",status="completed"} 1"#))
                    #expect(metrics.contains(#"aviary_tool_calls_total{"#) && metrics.contains(#"tool="get_active_incidents""#))
                    #expect(metrics.contains("aviary_model_tokens_total"))
                    #expect(!metrics.contains(key.key), "no credentials in metrics")
                }
                // the server flushed its spans on shutdown: request → router run → delegated run, one trace
                let spans = collector.spans
                let request = try #require(spans.first { $0.name == "POST /chat" })
                let router = try #require(spans.first { $0.name == "invoke_agent router" })
                let support = try #require(spans.first { $0.name == "invoke_agent customer_support" })
                #expect(router.parentSpanID == request.spanID, "the run span nests under the request span")
                #expect(spans.first { $0.spanID == support.parentSpanID }?.name == "execute_tool customer_support")
                #expect(spans.filter { $0.name != "GET /metrics" }.allSatisfy { $0.traceID == request.traceID }, "one trace per request")
                #expect(spans.contains { $0.name.hasPrefix("execute_tool get_active_incidents") })
                #expect(spans.filter { $0.name.hasPrefix("chat ") }.count == 4)
            }
        }
    }
}
