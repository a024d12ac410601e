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

    @Test func serverLimitsAreReadWithTheirDefaults() throws {
        let defaults = try load("tenant: acme\n").server
        #expect(defaults.connections == ConnectionLimits(idleTimeout: .seconds(60), headerTimeout: .seconds(10), maxConnections: 1024))
        #expect(defaults.streams == StreamLimits(maxPerKey: 16, maxPerTenant: 256, maxLifetime: .seconds(3600), ownerlessGrace: .seconds(120)))
        #expect(defaults.authFailures == AuthFailureLimits(maxFailures: 20, window: .seconds(60), unknownKeyTTL: .seconds(30)))
        #expect(defaults.readinessProbeTTL == .seconds(15))

        let s = try load("""
            server:
              idle_timeout_seconds: 30
              header_timeout_seconds: 2.5
              max_connections: 100
              readiness_cache_seconds: 20
              streams: {max_per_key: 2, max_per_tenant: 5, max_lifetime_seconds: 600, ownerless_grace_seconds: 45}
              auth_failures: {max_failures: 4, window_seconds: 120, unknown_key_seconds: 5}
            """).server
        #expect(s.connections == ConnectionLimits(idleTimeout: .seconds(30), headerTimeout: .milliseconds(2500), maxConnections: 100))
        #expect(s.streams == StreamLimits(maxPerKey: 2, maxPerTenant: 5, maxLifetime: .seconds(600), ownerlessGrace: .seconds(45)))
        #expect(s.authFailures == AuthFailureLimits(maxFailures: 4, window: .seconds(120), unknownKeyTTL: .seconds(5)))
        #expect(s.readinessProbeTTL == .seconds(20))
        #expect(try load("server: {run_lease_seconds: 7.5}").server.runLease == .milliseconds(7500))
        #expect(try load("").server.runLease == .seconds(30))

        let bad: [(String, String)] = [
            ("server: {header_timeout_seconds: 0}", "server.header_timeout_seconds"),
            ("server: {max_connections: 0}", "server.max_connections"),
            ("server: {streams: {max_per_key: 0}}", "server.streams.max_per_key"),
            ("server: {streams: {lifetime: 5}}", "server.streams.lifetime"),
            ("server: {streams: 3}", "server.streams"),
            ("server: {auth_failures: {window_seconds: -1}}", "server.auth_failures.window_seconds"),
            ("server: {auth_failures: {tries: 3}}", "server.auth_failures.tries"),
            // absurd numbers are errors, never a crash converting them
            ("server: {idle_timeout_seconds: 1e300}", "server.idle_timeout_seconds"),
            ("server: {streams: {max_per_tenant: 1e300}}", "server.streams.max_per_tenant"),
            ("server: {max_body_bytes: 1e300}", "server.max_body_bytes"),
            ("server: {run_timeout_seconds: 1e300}", "server.run_timeout_seconds"),
            ("server: {request_timeout_seconds: 0}", "server.request_timeout_seconds"),
            ("server: {heartbeat_seconds: 1e300}", "server.heartbeat_seconds"),
            ("server: {max_concurrent_runs_per_tenant: -1}", "server.max_concurrent_runs_per_tenant"),
            ("server: {max_concurrent_runs_per_tenant: 1e300}", "server.max_concurrent_runs_per_tenant"),
            ("server: {port: 1e300}", "server.port"),
            ("server: {run_lease_seconds: 0}", "server.run_lease_seconds"),
            ("server: {run_lease_seconds: 86400}", "server.run_lease_seconds"),
        ]
        for (yaml, mention) in bad {
            do {
                _ = try load(yaml)
                Issue.record("\(yaml) was accepted")
            } catch { #expect("\(error)".contains(mention), "\(yaml): \(error)") }
        }
    }

    @Test func anyAudienceIsAnExplicitOptOut() throws {
        #expect(try load("server: {jwt: {allow_any_audience: true}}").server.jwt?.allowsAnyAudience == true)
        #expect(try load("", env: ["AVIARY_JWT_ALLOW_ANY_AUDIENCE": "true"]).server.jwt?.allowsAnyAudience == true)
        #expect(try load("server: {jwt: {audience: aviary}}").server.jwt?.allowsAnyAudience == false)
    }
}
