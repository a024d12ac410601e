import AviaryCore
import AviaryHTTP

/// The HTTP server limits of `aviary.yaml`'s `server:` section (defaults shown; docs/security.md):
///
/// ```yaml
/// server:
///   idle_timeout_seconds: 60
///   header_timeout_seconds: 10
///   max_connections: 1024
///   readiness_cache_seconds: 15
///   streams: {max_per_key: 16, max_per_tenant: 256, max_lifetime_seconds: 3600, ownerless_grace_seconds: 120}
///   auth_failures: {max_failures: 20, window_seconds: 60, unknown_key_seconds: 30}
/// ```
struct ServerLimitsFileSettings {
    /// The keys of `server:` this type reads.
    static let keys: Set<String> = ["idle_timeout_seconds", "header_timeout_seconds", "max_connections", "readiness_cache_seconds",
                                    "streams", "auth_failures"]
    static let streamKeys: Set<String> = ["max_per_key", "max_per_tenant", "max_lifetime_seconds", "ownerless_grace_seconds"]
    static let authFailureKeys: Set<String> = ["max_failures", "window_seconds", "unknown_key_seconds"]

    let value: [String: JSONValue]

    func apply(to server: inout ServerConfiguration) throws {
        if let v = try seconds(value, "idle_timeout_seconds", "server") { server.connections.idleTimeout = v }
        if let v = try seconds(value, "header_timeout_seconds", "server") { server.connections.headerTimeout = v }
        if let v = try count(value, "max_connections", "server") { server.connections.maxConnections = v }
        if let v = try seconds(value, "readiness_cache_seconds", "server") { server.readinessProbeTTL = v }
        if let streams = try section("streams", Self.streamKeys) {
            let path = "server.streams"
            if let v = try count(streams, "max_per_key", path) { server.streams.maxPerKey = v }
            if let v = try count(streams, "max_per_tenant", path) { server.streams.maxPerTenant = v }
            if let v = try seconds(streams, "max_lifetime_seconds", path) { server.streams.maxLifetime = v }
            if let v = try seconds(streams, "ownerless_grace_seconds", path) { server.streams.ownerlessGrace = v }
        }
        if let failures = try section("auth_failures", Self.authFailureKeys) {
            let path = "server.auth_failures"
            if let v = try count(failures, "max_failures", path) { server.authFailures.maxFailures = v }
            if let v = try seconds(failures, "window_seconds", path) { server.authFailures.window = v }
            if let v = try seconds(failures, "unknown_key_seconds", path) { server.authFailures.unknownKeyTTL = v }
        }
    }

    private func section(_ key: String, _ known: Set<String>) throws -> [String: JSONValue]? {
        guard let raw = value[key], !raw.isNull else { return nil }
        guard let object = raw.objectValue else { throw ConfigurationError("aviary.yaml: server.\(key): expected a mapping") }
        try SettingsKeys.rejectUnknown(object, known, "server.\(key)")
        return object
    }

    /// A number of seconds from 0.001 to a year.
    private func seconds(_ object: [String: JSONValue], _ key: String, _ path: String) throws -> Duration? {
        try SettingsKeys.seconds(object[key], "\(path).\(key)", in: 0.001...31_536_000)
    }

    /// A whole number from 1 to 1,000,000,000.
    private func count(_ object: [String: JSONValue], _ key: String, _ path: String) throws -> Int? {
        try SettingsKeys.count(object[key], "\(path).\(key)", in: 1...1_000_000_000)
    }
}
