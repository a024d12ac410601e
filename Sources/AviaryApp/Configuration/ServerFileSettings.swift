import AviaryCore
import AviaryHTTP
import Foundation

/// The `server:` section of `aviary.yaml`:
///
/// ```yaml
/// server:
///   host: 0.0.0.0
///   port: 8080
///   max_body_bytes: 1048576
///   request_timeout_seconds: 30
///   run_timeout_seconds: 300
///   rate_limit: {per_second: 20, burst: 40}
///   max_concurrent_runs_per_tenant: 64
///   heartbeat_seconds: 15
///   public_metrics: false
///   resume_interrupted_runs: true   # and runs whose process died (lease expired)
///   run_lease_seconds: 30
///   reload_seconds: 2               # how often agents/ and workflows/ are checked for changes; 0: never
///   chat_workflow: support_hil      # /chat talks to this HIL workflow (a conversation per session) instead of chat_agent
///   hil_check_seconds: 5            # SLA checks, queue drain and recovery of AI turns; 0: never
///   # connection, stream, auth-failure and readiness limits: ServerLimitsFileSettings
///   jwt: {hs256_secret_env: AVIARY_JWT_SECRET, rs256_public_key_file: keys/jwt.pem, issuer: https://id.example.com,
///         audience: aviary, allow_any_audience: false, tenant_claim: tenant, role_claim: role, default_role: user}
/// ```
struct ServerFileSettings {
    let value: [String: JSONValue]
    let projectDirectory: URL
    static let keys: Set<String> = Set(["host", "port", "max_body_bytes", "request_timeout_seconds", "run_timeout_seconds", "rate_limit",
                                    "max_concurrent_runs_per_tenant", "heartbeat_seconds", "public_metrics", "resume_interrupted_runs",
                                    "run_lease_seconds", "jwt", "reload_seconds", "chat_workflow", "hil_check_seconds"])
        .union(ServerLimitsFileSettings.keys)
    static let jwtKeys: Set<String> = ["hs256_secret_env", "rs256_public_key_file", "issuer", "audience", "allow_any_audience", "tenant_claim", "role_claim", "default_role"]

    func apply(to server: inout ServerConfiguration) throws {
        try SettingsKeys.rejectUnknown(value, Self.keys, "server")
        try ServerLimitsFileSettings(value: value).apply(to: &server)
        if let v = try string("host") { server.host = v }
        if let v = try SettingsKeys.count(value["port"], "server.port", in: 0...65535) { server.port = v }
        if let v = try SettingsKeys.count(value["max_body_bytes"], "server.max_body_bytes", in: 1...1_000_000_000_000) { server.maxBodyBytes = v }
        if let v = try SettingsKeys.seconds(value["request_timeout_seconds"], "server.request_timeout_seconds", in: 0.001...31_536_000) {
            server.requestTimeout = v
        }
        if let v = try SettingsKeys.seconds(value["run_timeout_seconds"], "server.run_timeout_seconds", in: 0.001...31_536_000) { server.runTimeout = v }
        if let v = try SettingsKeys.count(value["max_concurrent_runs_per_tenant"], "server.max_concurrent_runs_per_tenant", in: 1...1_000_000) {
            server.maxConcurrentRunsPerTenant = v
        }
        if let v = try SettingsKeys.seconds(value["heartbeat_seconds"], "server.heartbeat_seconds", in: 0.001...86_400) { server.heartbeatInterval = v }
        if let v = try SettingsKeys.seconds(value["run_lease_seconds"], "server.run_lease_seconds", in: 1...3600) { server.runLease = v }
        if let v = try SettingsKeys.seconds(value["reload_seconds"], "server.reload_seconds", in: 0...86_400) {
            server.reloadInterval = v == .zero ? nil : v
        }
        if let v = try SettingsKeys.seconds(value["hil_check_seconds"], "server.hil_check_seconds", in: 0...86_400) {
            server.hilCheckInterval = v == .zero ? nil : v
        }
        if let v = try string("chat_workflow") { server.chatWorkflow = v }
        if let b = try SettingsKeys.bool(value["public_metrics"], "server.public_metrics") { server.publicMetrics = b }
        if let b = try SettingsKeys.bool(value["resume_interrupted_runs"], "server.resume_interrupted_runs") { server.resumeInterruptedRuns = b }
        if let raw = value["rate_limit"], !raw.isNull {
            guard let rate = raw.objectValue else { throw ConfigurationError("aviary.yaml: server.rate_limit: expected a mapping {per_second, burst}") }
            try SettingsKeys.rejectUnknown(rate, ["per_second", "burst"], "server.rate_limit")
            if let v = rate["per_second"], !v.isNull {
                guard let n = v.numberValue, n > 0 else { throw ConfigurationError("aviary.yaml: server.rate_limit.per_second: expected a positive number") }
                server.rateLimitPerSecond = n
            }
            if let v = rate["burst"], !v.isNull {
                guard let n = v.intValue, n >= 1 else { throw ConfigurationError("aviary.yaml: server.rate_limit.burst: expected a whole number of at least 1") }
                server.rateLimitBurst = n
            }
        }
        if let raw = value["jwt"], !raw.isNull {
            guard let jwt = raw.objectValue else { throw ConfigurationError("aviary.yaml: server.jwt: expected a mapping") }
            try SettingsKeys.rejectUnknown(jwt, Self.jwtKeys, "server.jwt")
            var settings = server.jwt ?? JWTSettings()
            if let env = jwt["hs256_secret_env"]?.stringValue {
                guard let secret = ProcessInfo.processInfo.environment[env], !secret.isEmpty else {
                    throw ConfigurationError("aviary.yaml: server.jwt.hs256_secret_env names \(env), which is not set")
                }
                settings.hs256Secret = secret
            }
            if let file = jwt["rs256_public_key_file"]?.stringValue {
                let url = URL(fileURLWithPath: file, relativeTo: projectDirectory)
                guard let pem = try? String(contentsOf: url, encoding: .utf8) else {
                    throw ConfigurationError("aviary.yaml: server.jwt.rs256_public_key_file: cannot read \(url.path)")
                }
                settings.rs256PublicKeyPEM = pem
            }
            if let v = jwt["issuer"]?.stringValue { settings.issuer = v }
            if let v = jwt["audience"]?.stringValue { settings.audience = v }
            if let v = try SettingsKeys.bool(jwt["allow_any_audience"], "server.jwt.allow_any_audience") { settings.allowsAnyAudience = v }
            if let v = jwt["tenant_claim"]?.stringValue { settings.tenantClaim = v }
            if let v = jwt["role_claim"]?.stringValue { settings.roleClaim = v }
            if let v = jwt["default_role"]?.stringValue {
                guard let role = Role(rawValue: v) else { throw ConfigurationError("aviary.yaml: server.jwt.default_role: unknown role '\(v)'") }
                settings.defaultRole = role
            }
            server.jwt = settings
        }
    }

    private func string(_ key: String) throws -> String? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw ConfigurationError("aviary.yaml: server.\(key): expected text, got \(v.typeName)") }
        return s
    }
}

/// Server settings from the environment: `AVIARY_HOST`, `AVIARY_PORT`, `AVIARY_JWT_HS256_SECRET`,
/// `AVIARY_JWT_RS256_PUBLIC_KEY_FILE`, `AVIARY_JWT_ISSUER`, `AVIARY_JWT_AUDIENCE`.
struct ServerEnvironment {
    let environment: [String: String]
    init(_ environment: [String: String]) { self.environment = environment }

    func apply(to server: inout ServerConfiguration) throws {
        if let v = value("AVIARY_HOST") { server.host = v }
        if let v = value("AVIARY_PORT") {
            guard let port = Int(v), (0...65535).contains(port) else { throw ConfigurationError("AVIARY_PORT must be a port number, got '\(v)'") }
            server.port = port
        }
        var jwt = server.jwt ?? JWTSettings()
        var touched = false
        if let v = value("AVIARY_JWT_HS256_SECRET") { jwt.hs256Secret = v; touched = true }
        if let v = value("AVIARY_JWT_RS256_PUBLIC_KEY_FILE") {
            guard let pem = try? String(contentsOfFile: v, encoding: .utf8) else {
                throw ConfigurationError("AVIARY_JWT_RS256_PUBLIC_KEY_FILE: cannot read \(v)")
            }
            jwt.rs256PublicKeyPEM = pem
            touched = true
        }
        if let v = value("AVIARY_JWT_ISSUER") { jwt.issuer = v; touched = true }
        if let v = value("AVIARY_JWT_AUDIENCE") { jwt.audience = v; touched = true }
        if let allow = try SettingsKeys.flag(value("AVIARY_JWT_ALLOW_ANY_AUDIENCE"), "AVIARY_JWT_ALLOW_ANY_AUDIENCE") {
            jwt.allowsAnyAudience = allow
            touched = true
        }
        if touched { server.jwt = jwt }
    }

    private func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
}
