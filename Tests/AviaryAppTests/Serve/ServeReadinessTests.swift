import AsyncHTTPClient
import AviaryApp
import AviaryCore
import AviaryHTTP
import AviaryTesting
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization
import Testing

/// `aviary serve`'s `GET /ready` with the app's real provider checks against a local fake OpenAI
/// server: anonymous calls share one cached probe and see no details; an admin sees them.
@Suite(.timeLimit(.minutes(2))) struct ServeReadinessTests {
    @Test func anonymousReadyCallsShareOneProviderProbe() async throws {
        try await withFakeOpenAIServer { provider in
            try await ExampleProject.with("support-swarm") { loaded in
                var config = loaded
                config.server.port = 0
                let admin = try await AviaryApplication.createAPIKey(config, tenant: "default", principal: "ops", role: "admin", name: "ops")
                var logger = Logger(label: "test")
                logger.logLevel = .critical
                let options = AviaryApplication.Options(environment: ["OPENAI_API_KEY": "sk-probe-secret", "OPENAI_BASE_URL": provider.baseURL],
                                                        logger: logger)
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
                defer { _ = client.shutdown() }
                try await ServedApplication.with(config, options: options) { port in
                    let url = "http://127.0.0.1:\(port)/ready"

                    let answers = try await withThrowingTaskGroup(of: (UInt, String).self) { calls in
                        for _ in 0..<25 {
                            calls.addTask {
                                let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
                                return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 20)))
                            }
                        }
                        var all: [(UInt, String)] = []
                        for try await answer in calls { all.append(answer) }
                        return all
                    }
                    #expect(answers.count == 25)
                    for (status, body) in answers {
                        let json = try JSONValue(parsing: body)
                        #expect(status == 200)
                        #expect(json["checks"]?["provider:openai"]?["status"]?.stringValue == "ok", "\(body)")
                        #expect(json["checks"]?["provider:openai"]?["detail"] == nil)
                        #expect(json["checks"]?["store"]?["detail"] == nil)
                    }
                    let probes = provider.requests.filter { $0.path.hasSuffix("/models") }
                    #expect(probes.count == 1, "25 anonymous /ready calls made \(probes.count) provider requests")

                    var asAdmin = HTTPClientRequest(url: url)
                    asAdmin.headers.add(name: "Authorization", value: "Bearer \(admin.key)")
                    let detailed = try JSONValue(parsing: String(buffer: try await client.execute(asAdmin, timeout: .seconds(30))
                        .body.collect(upTo: 1 << 20)))
                    #expect(detailed["checks"]?["provider:openai"]?["detail"]?.stringValue == "reachable")
                    #expect(detailed["checks"]?["store"]?["detail"]?.stringValue == "reachable")
                    #expect(provider.requests.filter { $0.path.hasSuffix("/models") }.count == 1)
                }
            }
        }
    }
}
