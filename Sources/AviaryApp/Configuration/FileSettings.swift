import AviaryCore
import AviaryRuntime
import Foundation

/// The `aviary.yaml` schema: reads known keys into a configuration, rejecting unknown ones by name.
struct FileSettings {
    let value: JSONValue
    static let topLevel: Set<String> = ["model", "default_agent", "profiles", "providers", "models", "storage", "tenant", "server", "performance", "limits", "workspace", "retention", "embeddings", "web_search", "knowledge"]
    static let limitKeys: Set<String> = ["max_tool_calls_per_turn", "max_parallel_tool_calls", "max_delegation_depth"]
    static let providerKeys: Set<String> = ["kind", "base_url", "api_key", "api_key_env", "timeout", "max_concurrent_requests"]
    static let modelKeys: Set<String> = ["tool_calling", "input_price_per_1k", "output_price_per_1k"]

    func apply(to config: inout AviaryConfiguration) throws {
        guard case .object(let root) = value else {
            if value.isNull { return }
            throw ConfigurationError("aviary.yaml: expected a mapping at the top level")
        }
        for key in root.keys.sorted() where !Self.topLevel.contains(key) {
            throw ConfigurationError("aviary.yaml: unknown key '\(key)'; known keys: \(Self.topLevel.sorted().joined(separator: ", "))")
        }
        config.defaultModel = try string(root["model"], "model") ?? config.defaultModel
        config.defaultAgent = try string(root["default_agent"], "default_agent") ?? config.defaultAgent
        config.tenant = try string(root["tenant"], "tenant") ?? config.tenant
        for (name, v) in try object(root["profiles"], "profiles") {
            guard let s = v.stringValue else { throw ConfigurationError("aviary.yaml: profiles.\(name): expected a model reference") }
            config.profiles[name] = s
        }
        for (name, v) in try object(root["providers"], "providers") {
            let p = try object(v, "providers.\(name)")
            try SettingsKeys.rejectUnknown(p, Self.providerKeys, "providers.\(name)")
            let kind = try string(p["kind"], "providers.\(name).kind") ?? (name == "anthropic" ? "anthropic" : "openai")
            guard kind == "openai" || kind == "anthropic" else {
                throw ConfigurationError("aviary.yaml: providers.\(name).kind: expected openai or anthropic, got '\(kind)'")
            }
            config.providers[name] = ProviderSettings(
                kind: kind, baseURL: try string(p["base_url"], "providers.\(name).base_url"),
                apiKey: try string(p["api_key"], "providers.\(name).api_key"),
                apiKeyEnv: try string(p["api_key_env"], "providers.\(name).api_key_env"),
                timeout: try SettingsKeys.number(p["timeout"], "providers.\(name).timeout", in: 0.001...86_400, unit: "seconds") ?? 120,
                maxConcurrentRequests: try SettingsKeys.number(p["max_concurrent_requests"], "providers.\(name).max_concurrent_requests",
                                                  in: 1...100_000, whole: true).map { Int($0) })
        }
        for (name, v) in try object(root["models"], "models") {
            let m = try object(v, "models.\(name)")
            try SettingsKeys.rejectUnknown(m, Self.modelKeys, "models.\(name)")
            let mode = try string(m["tool_calling"], "models.\(name).tool_calling") ?? "native"
            guard let toolCalling = ModelSettings.ToolCalling(rawValue: mode) else {
                throw ConfigurationError("aviary.yaml: models.\(name).tool_calling: expected native or json, got '\(mode)'")
            }
            config.models[name] = ModelSettings(
                toolCalling: toolCalling,
                inputPricePer1K: try SettingsKeys.number(m["input_price_per_1k"], "models.\(name).input_price_per_1k", in: 0...1_000_000, unit: "USD"),
                outputPricePer1K: try SettingsKeys.number(m["output_price_per_1k"], "models.\(name).output_price_per_1k", in: 0...1_000_000, unit: "USD"))
        }
        if let server = root["server"], !server.isNull {
            try ServerFileSettings(value: try object(server, "server"), projectDirectory: config.projectDirectory).apply(to: &config.server)
        }
        try config.performance.apply(file: try object(root["performance"], "performance"))
        let limits = try object(root["limits"], "limits")
        try SettingsKeys.rejectUnknown(limits, Self.limitKeys, "limits")
        if let n = try SettingsKeys.number(limits["max_tool_calls_per_turn"], "limits.max_tool_calls_per_turn", in: 1...1_000, whole: true) {
            config.limits.maxToolCallsPerTurn = Int(n)
        }
        if let n = try SettingsKeys.number(limits["max_parallel_tool_calls"], "limits.max_parallel_tool_calls", in: 1...1_000, whole: true) {
            config.limits.maxParallelToolCalls = Int(n)
        }
        if let n = try SettingsKeys.number(limits["max_delegation_depth"], "limits.max_delegation_depth", in: 1...64, whole: true) {
            config.limits.maxDelegationDepth = Int(n)
        }
        try WorkspaceFileSettings.apply(try object(root["workspace"], "workspace"), to: &config.workspace)
        try RetentionFileSettings.apply(try object(root["retention"], "retention"), to: &config.retention)
        if let embeddings = root["embeddings"], !embeddings.isNull { config.embeddings = try EmbeddingSettings.parse(embeddings) }
        config.webSearch = try WebSearchFileSettings.settings(root["web_search"])
        let knowledge = try object(root["knowledge"], "knowledge")
        try KnowledgeFileSettings.apply(knowledge, to: &config.knowledgeFetch)
        config.knowledgeRerank = try RerankFileSettings.settings(knowledge["rerank"], profiles: Set(config.profiles.keys))
        let storage = try object(root["storage"], "storage")
        for key in storage.keys.sorted() where key != "database" && key != "url" {
            throw ConfigurationError("aviary.yaml: storage: unknown key '\(key)'; known keys: database, url")
        }
        config.databaseURL = try string(storage["url"], "storage.url") ?? config.databaseURL
        if let db = try string(storage["database"], "storage.database") {
            config.databasePath = URL(fileURLWithPath: db, relativeTo: config.projectDirectory).standardizedFileURL.path
        }
    }

    private func string(_ v: JSONValue?, _ key: String) throws -> String? {
        switch v {
        case nil, .some(.null): return nil
        case .some(.string(let s)): return s
        case .some(let other): throw ConfigurationError("aviary.yaml: \(key): expected text, got \(other.typeName)")
        }
    }

    /// A number in `range` (a whole one with `whole`), or nil when absent.
    /// The mapping at `key`, empty when absent; anything else is an error naming the key.
    private func object(_ v: JSONValue?, _ key: String) throws -> [String: JSONValue] {
        switch v {
        case nil, .some(.null): return [:]
        case .some(.object(let o)): return o
        case .some(let other): throw ConfigurationError("aviary.yaml: \(key): expected a mapping, got \(other.typeName)")
        }
    }
}
