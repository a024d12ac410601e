import AviaryApp
import AviaryCore
import AviaryHTTP
import AviaryTestSupport
import Foundation
import Testing

@Suite struct ServerSettingsTests {
    func load(_ yaml: String, env: [String: String] = [:]) throws -> AviaryConfiguration {
        try withTemporaryDirectorySync { dir in
            try yaml.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            return try ConfigurationLoader(environment: env).load(project: dir)
        }
    }

    @Test func serverSectionAndEnvironmentOverrideDefaults() throws {
        let config = try load("""
            server:
              host: 0.0.0.0
              port: 9000
              max_body_bytes: 4096
              request_timeout_seconds: 5
              run_timeout_seconds: 60
              rate_limit: {per_second: 2.5, burst: 7}
              max_concurrent_runs_per_tenant: 3
              heartbeat_seconds: 2
              public_metrics: true
              resume_interrupted_runs: false
              jwt: {issuer: https://id.example.com, audience: aviary, tenant_claim: org, role_claim: aviary_role, default_role: service}
            """, env: ["AVIARY_PORT": "9100", "AVIARY_JWT_HS256_SECRET": "0123456789abcdef0123456789abcdef"])
        let s = config.server
        #expect(s.host == "0.0.0.0")
        #expect(s.port == 9100, "the environment wins over the file")
        #expect(s.maxBodyBytes == 4096)
        #expect(s.requestTimeout == .seconds(5))
        #expect(s.runTimeout == .seconds(60))
        #expect(s.rateLimitPerSecond == 2.5)
        #expect(s.rateLimitBurst == 7)
        #expect(s.maxConcurrentRunsPerTenant == 3)
        #expect(s.heartbeatInterval == .seconds(2))
        #expect(s.publicMetrics == true)
        #expect(s.resumeInterruptedRuns == false)
        #expect(s.jwt?.issuer == "https://id.example.com")
        #expect(s.jwt?.tenantClaim == "org")
        #expect(s.jwt?.roleClaim == "aviary_role")
        #expect(s.jwt?.defaultRole == .service)
        #expect(s.jwt?.hs256Secret == "0123456789abcdef0123456789abcdef")
    }

    @Test func defaultsWithoutAServerSection() throws {
        let s = try load("tenant: acme\n").server
        #expect(s.host == "127.0.0.1")
        #expect(s.port == 8080)
        #expect(s.jwt == nil)
        #expect(!s.publicMetrics, "/metrics needs credentials unless made public")
    }

    @Test func mistakesAreNamed() throws {
        let bad: [(String, String)] = [
            ("server: {prot: 1}", "server.prot"),
            ("server: {port: 70000}", "server.port"),
            ("server: {port: abc}", "server.port"),
            ("server: {max_body_bytes: 0}", "server.max_body_bytes"),
            ("server: {rate_limit: 5}", "server.rate_limit"),
            ("server: {rate_limit: {burst: 0}}", "server.rate_limit.burst"),
            ("server: {rate_limit: {per_second: -1}}", "server.rate_limit.per_second"),
            ("server: {jwt: {default_role: god}}", "server.jwt.default_role"),
            ("server: {jwt: {hs256_secret_env: AVIARY_TEST_UNSET_VARIABLE}}", "AVIARY_TEST_UNSET_VARIABLE"),
            ("server: {jwt: yes}", "server.jwt"),
            ("server: {jwt: {allow_any_audience: maybe}}", "server.jwt.allow_any_audience"),
        ]
        for (yaml, mention) in bad {
            #expect(throws: ConfigurationError.self, "\(yaml)") { _ = try load(yaml) }
            do { _ = try load(yaml) } catch { #expect("\(error)".contains(mention), "\(yaml): \(error)") }
        }
        #expect(throws: ConfigurationError.self) { _ = try load("", env: ["AVIARY_PORT": "http"]) }
        #expect(throws: ConfigurationError.self) { _ = try load("", env: ["AVIARY_JWT_ALLOW_ANY_AUDIENCE": "sure"]) }
    }

    @Test func anyAudienceIsAnExplicitOptOut() throws {
        #expect(try load("server: {jwt: {allow_any_audience: true}}").server.jwt?.allowsAnyAudience == true)
        #expect(try load("", env: ["AVIARY_JWT_ALLOW_ANY_AUDIENCE": "true"]).server.jwt?.allowsAnyAudience == true)
        #expect(try load("server: {jwt: {audience: aviary}}").server.jwt?.allowsAnyAudience == false)
    }
}
