import AsyncHTTPClient
import AviaryCore
import AviaryHTTP
import AviaryTesting
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// `GET /ready` is public: it must not let anonymous callers drive the providers or read details.
@Suite struct ReadinessTests {
    /// A provider probe that calls the fake provider's `GET /v1/models` with an API key, like the
    /// app's provider checks do.
    static func probe(_ provider: FakeOpenAIServer, client: HTTPClient) -> ReadinessCheck {
        let url = provider.baseURL + "/models"
        return ReadinessCheck(name: "provider:fake", isRemoteProbe: true) {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Authorization", value: "Bearer sk-probe-secret")
            do {
                let response = try await client.execute(request, timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 1 << 20)
                return response.status.code == 200 ? (.ok, "reachable at \(url)") : (.degraded, "answered HTTP \(response.status.code)")
            } catch {
                return (.degraded, "unreachable: \(error)")
            }
        }
    }

    @Test func anonymousCallersShareOneCachedProbeAndSeeNoDetails() async throws {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            try await withFakeOpenAIServer { provider in
                let probe = Self.probe(provider, client: client)
                try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), readiness: [probe],
                                             configure: { $0.readinessProbeTTL = .seconds(600) }) { fx in
                    let answers = try await withThrowingTaskGroup(of: HTTPResult.self) { group in
                        for _ in 0..<40 { group.addTask { try await fx.call(.GET, "/ready") } }
                        var all: [HTTPResult] = []
                        for try await answer in group { all.append(answer) }
                        return all
                    }
                    #expect(answers.count == 40)
                    #expect(answers.allSatisfy { $0.status == 200 && $0.json?["status"]?.stringValue == "ready" })
                    #expect(answers.allSatisfy { $0.json?["checks"]?["provider:fake"]?["status"]?.stringValue == "ok" })
                    #expect(provider.requests.count == 1, "40 anonymous /ready calls made \(provider.requests.count) provider requests")
                    #expect(answers.allSatisfy { $0.json?["checks"]?["provider:fake"]?["detail"] == nil })
                    #expect(!answers.contains { $0.text.contains("127.0.0.1") || $0.text.contains("reachable") })

                    // A key that is not an admin's sees no more; an admin's sees the details, from the cache.
                    let user = try await fx.key(role: .user)
                    let asUser = try await fx.call(.GET, "/ready", key: user)
                    #expect(asUser.status == 200)
                    #expect(asUser.json?["checks"]?["provider:fake"]?["detail"] == nil)
                    let admin = try await fx.key(role: .admin, principal: "root")
                    let asAdmin = try await fx.call(.GET, "/ready", key: admin)
                    #expect(asAdmin.json?["checks"]?["provider:fake"]?["detail"]?.stringValue == "reachable at \(provider.baseURL)/models")
                    // A bad key gets the anonymous answer, not an error and not the details.
                    let forged = try await fx.call(.GET, "/ready", key: "avk_nope_nope")
                    #expect(forged.status == 200)
                    #expect(forged.json?["checks"]?["provider:fake"]?["detail"] == nil)
                    #expect(provider.requests.count == 1, "every answer came from the one cached probe")
                }
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
