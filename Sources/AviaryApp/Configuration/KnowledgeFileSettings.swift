import AviaryCore
import AviaryKnowledge
import Foundation

/// `knowledge:` in `aviary.yaml`: how ingestion fetches URLs (``FetchPolicy``); its `rerank:` is
/// read by ``RerankFileSettings``.
///
/// ```yaml
/// knowledge:
///   fetch:
///     allow: [docs.internal, "*.corp.example", 10.20.0.0/16]   # internal hosts and networks to open
///     max_bytes: 20000000        # largest document fetched (20 MB)
///     timeout_seconds: 30        # one fetch, redirects and robots.txt included
///     max_redirects: 5
///     robots: true               # obey robots.txt
///     user_agent: "Aviary/1.0 (+knowledge ingestion)"
/// ```
enum KnowledgeFileSettings {
    /// The keys of `knowledge:`.
    static let keys: Set<String> = ["fetch", "rerank"]
    /// The keys of `knowledge.fetch:`.
    static let fetchKeys: Set<String> = ["allow", "max_bytes", "timeout_seconds", "max_redirects", "robots", "user_agent"]

    /// Applies `knowledge:` to `policy`; unknown keys and bad values fail with the key's name.
    static func apply(_ object: [String: JSONValue], to policy: inout FetchPolicy) throws {
        try SettingsKeys.rejectUnknown(object, keys, "knowledge")
        let fetch: [String: JSONValue]
        switch object["fetch"] {
        case nil, .some(.null): return
        case .some(.object(let o)): fetch = o
        case .some(let other): throw ConfigurationError("aviary.yaml: knowledge.fetch: expected a mapping, got \(other.typeName)")
        }
        try SettingsKeys.rejectUnknown(fetch, fetchKeys, "knowledge.fetch")
        switch fetch["allow"] {
        case nil, .some(.null): break
        case .some(.array(let entries)):
            let texts = try entries.map { entry -> String in
                guard let text = entry.stringValue else {
                    throw ConfigurationError("aviary.yaml: knowledge.fetch.allow: expected host names, addresses or CIDR networks, got \(entry.typeName)")
                }
                return text
            }
            do { policy.allow = try FetchAllowlist(texts) } catch { throw ConfigurationError("aviary.yaml: knowledge.fetch.allow: \(error.message)") }
        case .some(let other):
            throw ConfigurationError("aviary.yaml: knowledge.fetch.allow: expected a list (like [docs.internal, 10.0.0.0/8]), got \(other.typeName)")
        }
        if let v = try SettingsKeys.count(fetch["max_bytes"], "knowledge.fetch.max_bytes", in: 1...1_000_000_000_000) { policy.maxBytes = v }
        if let v = try SettingsKeys.seconds(fetch["timeout_seconds"], "knowledge.fetch.timeout_seconds", in: 0.001...86_400) { policy.timeout = v }
        if let v = try SettingsKeys.count(fetch["max_redirects"], "knowledge.fetch.max_redirects", in: 0...100) { policy.maxRedirects = v }
        if let v = try SettingsKeys.bool(fetch["robots"], "knowledge.fetch.robots") { policy.respectRobots = v }
        switch fetch["user_agent"] {
        case nil, .some(.null): break
        case .some(.string(let agent)) where !agent.trimmingCharacters(in: .whitespaces).isEmpty && agent.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }):
            policy.userAgent = agent
        case .some(let other):
            throw ConfigurationError("aviary.yaml: knowledge.fetch.user_agent: expected one line of printable ASCII text, got \(other.stringValue.map { "'\($0)'" } ?? other.typeName)")
        }
    }
}
