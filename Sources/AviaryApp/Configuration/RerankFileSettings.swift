import AviaryCore
import Foundation

/// `knowledge.rerank:` in `aviary.yaml` (``RerankSettings``).
///
/// ```yaml
/// knowledge:
///   rerank:
///     provider: endpoint            # a cross-encoder: POST {base_url}/rerank
///     base_url: http://127.0.0.1:8787/v1
///     model: bge-reranker-v2-m3
///     api_key_env: RERANK_API_KEY   # optional
///     timeout_seconds: 10           # optional
///     candidates: 20                # optional: fused candidates reranked (default 3 × top_k, at least 20)
/// # or
///   rerank:
///     provider: llm                 # a chat model judges the passages
///     model: openai/gpt-4o-mini     # any model reference an agent can use (or a profile)
/// ```
enum RerankFileSettings {
    /// The keys of `knowledge.rerank:` by provider.
    static let endpointKeys: Set<String> = ["provider", "base_url", "model", "api_key", "api_key_env", "timeout_seconds", "candidates"]
    static let llmKeys: Set<String> = ["provider", "model", "candidates"]

    /// The settings in `value` (the `rerank` key's value); `nil` when absent or null. Unknown keys,
    /// keys of the other provider and bad values fail with the key's name; `profiles` are the
    /// names an `llm` model may also be.
    static func settings(_ value: JSONValue?, profiles: Set<String>) throws -> RerankSettings? {
        let object: [String: JSONValue]
        switch value {
        case nil, .some(.null): return nil
        case .some(.object(let o)): object = o
        case .some(let other):
            throw ConfigurationError("aviary.yaml: knowledge.rerank: expected a mapping such as {provider: endpoint, base_url: …, model: …} or {provider: llm, model: openai/gpt-4o-mini}, got \(other.typeName)")
        }
        try SettingsKeys.rejectUnknown(object, endpointKeys.union(llmKeys), "knowledge.rerank")
        guard let provider = try text(object["provider"], "provider") else {
            throw ConfigurationError("aviary.yaml: knowledge.rerank.provider: required: endpoint or llm")
        }
        let candidates = try SettingsKeys.count(object["candidates"], "knowledge.rerank.candidates", in: 1...100)
        guard let model = try text(object["model"], "model") else {
            let what = provider == "llm" ? "a model reference such as openai/gpt-4o-mini" : "the reranking model's id, such as bge-reranker-v2-m3"
            throw ConfigurationError("aviary.yaml: knowledge.rerank.model: required: \(what)")
        }
        switch provider {
        case "endpoint":
            guard let base = try text(object["base_url"], "base_url") else {
                throw ConfigurationError("aviary.yaml: knowledge.rerank.base_url: required for provider endpoint: the API root, like http://127.0.0.1:8787/v1")
            }
            guard let url = URL(string: base), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false else {
                throw ConfigurationError("aviary.yaml: knowledge.rerank.base_url: expected an http:// or https:// URL, got '\(base)'")
            }
            let endpoint = RerankEndpoint(
                baseURL: base, model: model, apiKey: try text(object["api_key"], "api_key"), apiKeyEnv: try text(object["api_key_env"], "api_key_env"),
                timeout: try SettingsKeys.seconds(object["timeout_seconds"], "knowledge.rerank.timeout_seconds", in: 0.001...600) ?? .seconds(10))
            return RerankSettings(provider: .endpoint(endpoint), candidates: candidates)
        case "llm":
            for key in object.keys.sorted() where !llmKeys.contains(key) {
                throw ConfigurationError("aviary.yaml: knowledge.rerank.\(key): only for provider endpoint (provider llm uses the model's provider settings)")
            }
            guard profiles.contains(model) || ModelReference(model) != nil else {
                let names = profiles.isEmpty ? "none defined" : profiles.sorted().joined(separator: ", ")
                throw ConfigurationError("aviary.yaml: knowledge.rerank.model: '\(model)' is neither a profile (\(names)) nor a provider/model reference such as openai/gpt-4o-mini")
            }
            return RerankSettings(provider: .llm(model: model), candidates: candidates)
        default:
            throw ConfigurationError("aviary.yaml: knowledge.rerank.provider: expected endpoint or llm, got '\(provider)'")
        }
    }

    /// Non-blank text at `knowledge.rerank.<key>`; `nil` when absent or null.
    private static func text(_ value: JSONValue?, _ key: String) throws -> String? {
        switch value {
        case nil, .some(.null): return nil
        case .some(.string(let s)) where !s.trimmingCharacters(in: .whitespaces).isEmpty: return s.trimmingCharacters(in: .whitespaces)
        case .some(.string): throw ConfigurationError("aviary.yaml: knowledge.rerank.\(key): is blank")
        case .some(let other): throw ConfigurationError("aviary.yaml: knowledge.rerank.\(key): expected text, got \(other.typeName)")
        }
    }
}
