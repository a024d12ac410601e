import AviaryCore
import AviaryHTTP
import AviaryTesting
import Foundation
import NIOHTTP1
import Testing

@Suite struct LimitsTests {
    @Test func tokenBucketRefillsAtItsRate() {
        var bucket = TokenBucket(capacity: 2, rate: 4, now: 0)
        #expect(bucket.take(now: 0) == .allowed)
        #expect(bucket.take(now: 0) == .allowed)
        #expect(bucket.take(now: 0) == .denied(retryAfter: 0.25))
        #expect(bucket.take(now: 0.125) == .denied(retryAfter: 0.125))
        #expect(bucket.take(now: 0.25) == .allowed)
        #expect(bucket.take(now: 10) == .allowed, "refills up to capacity only")
        #expect(bucket.take(now: 10) == .allowed)
        #expect(bucket.take(now: 10) != .allowed)
        #expect(!bucket.isFull(at: 10))
        #expect(bucket.isFull(at: 11))
    }

    @Test func perKeyRateLimitAnswers429WithRetryAfter() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(),
                                     configure: { $0.rateLimitBurst = 3; $0.rateLimitPerSecond = 0.01 }) { fx in
            let key = try await fx.key(principal: "alice")
            let other = try await fx.key(principal: "bob")
            for _ in 0..<3 { #expect(try await fx.call(.GET, "/api/v1/agents", key: key).status == 200) }
            let limited = try await fx.call(.GET, "/api/v1/agents", key: key)
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limited")
            #expect(Int(limited.headers["Retry-After"].first ?? "") ?? 0 >= 1)
            #expect(try await fx.call(.GET, "/api/v1/agents", key: other).status == 200, "buckets are per key")
            #expect(try await fx.call(.GET, "/health").status == 200, "public routes are not limited")
        }
    }

    @Test func tenantsHaveACapOnConcurrentRuns() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool(gate: gate)], model: TestAgents.model(),
                                     configure: { $0.maxConcurrentRunsPerTenant = 1 }) { fx in
            let key = try await fx.key()
            let first = Task { try await fx.call(.POST, "/chat", key: key, json: ["question": "one"]) }
            await gate.waitForArrivals(1)
            let second = try await fx.call(.POST, "/chat", key: key, json: ["question": "two"])
            #expect(second.status == 429)
            #expect(second.errorCode == "too_many_runs")
            #expect(second.headers["Retry-After"].first != nil)
            let betaKey = try await fx.key(tenant: "beta")
            let otherTenant = Task { try await fx.call(.POST, "/chat", key: betaKey, json: ["question": "x"]) }
            await gate.waitForArrivals(2) // the other tenant's run got a slot and reached the tool
            gate.open()
            #expect(try await otherTenant.value.status == 200, "the cap is per tenant")
            #expect(try await first.value.status == 200)
            #expect(try await fx.call(.POST, "/chat", key: key, json: ["question": "three"]).status == 200, "the slot was released")
        }
    }

    @Test func aRunThatOutlivesTheRunTimeoutAnswers504AndGoesOn() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool(gate: gate)], model: TestAgents.model(),
                                     configure: { $0.runTimeout = .milliseconds(100) }) { fx in
            let key = try await fx.key()
            let r = try await fx.call(.POST, "/chat", key: key, json: ["question": "slow"])
            #expect(r.status == 504)
            #expect(r.errorCode == "timeout")
            let message = try #require(r.json?["error"]?["message"]?.stringValue)
            let runID = try #require(message.split(separator: " ").first { $0.hasPrefix("run_") }.map(String.init))
            gate.open()
            // the run continues in the background: its event stream ends with run.finished
            let stream = try await fx.stream(.GET, "/api/v1/runs/\(runID)/events", key: key)
            #expect(try await stream.lines.frames().compactMap(\.event).last == "run.finished")
            #expect(try await fx.call(.GET, "/api/v1/runs/\(runID)", key: key).json?["status"]?.stringValue == "completed")
        }
    }
}

@Suite struct HealthAndRegistryTests {
    @Test func healthReadyAndOpenAPI() async throws {
        let checks = [ReadinessCheck(name: "store") { (.ok, "fine") }, ReadinessCheck(name: "provider:x") { (.degraded, "down") }]
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), readiness: checks) { fx in
            #expect(try await fx.call(.GET, "/health").text == #"{"status":"ok"}"#, "compact JSON, as the hand-written routes answer")
            let ready = try await fx.call(.GET, "/ready")
            #expect(ready.status == 200)
            #expect(ready.json?["status"]?.stringValue == "degraded")
            #expect(ready.json?["checks"]?["provider:x"]?["status"]?.stringValue == "degraded")
            let doc = try await fx.call(.GET, "/openapi.json")
            #expect(doc.json?["openapi"]?.stringValue == "3.1.0")
            #expect(doc.headers["X-Request-ID"].first?.isEmpty == false)
            let echoed = try await fx.call(.GET, "/health", headers: [("X-Request-ID", "abc-123")])
            #expect(echoed.headers["X-Request-ID"].first == "abc-123")
        }
        let failing = [ReadinessCheck(name: "store") { (.failed, "no database") }]
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), readiness: failing) { fx in
            let ready = try await fx.call(.GET, "/ready")
            #expect(ready.status == 503)
            #expect(ready.json?["status"]?.stringValue == "unavailable")
        }
    }

    @Test func agentsFilterByCapabilityAndCostTier() async throws {
        try await ServerFixture.with(agents: [TestAgents.support, TestAgents.draft], model: TestAgents.model()) { fx in
            let dev = try await fx.key(role: .developer)
            let user = try await fx.key(role: .user)
            func names(_ query: String, _ key: String) async throws -> [String] {
                try await fx.call(.GET, "/api/v1/agents\(query)", key: key).json?["agents"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            }
            #expect(try await names("", dev) == ["experimental", "support"])
            #expect(try await names("", user) == ["support"])
            #expect(try await names("?capability=research", dev) == ["experimental"])
            #expect(try await names("?capability=customer-lookup", dev) == ["support"])
            #expect(try await names("?cost_tier=low", dev) == ["support"])
            #expect(try await names("?cost_tier=high", user) == [])
            #expect(try await names("?status=draft", dev) == ["experimental"])
            #expect(try await fx.call(.GET, "/api/v1/agents?cost_tier=cheap", key: dev).status == 400)
            let support = try await fx.call(.GET, "/api/v1/agents?capability=customer-lookup", key: user).json?["agents"]?[0]
            #expect(support?["cost_tier"]?.stringValue == "low")
            #expect(support?["tools"] == ["get_customer"])
        }
    }
}
