/// The reranker of knowledge-base retrieval (`knowledge.rerank:` in `aviary.yaml`): it reorders the
/// fused candidates of every query (`rag_search`, `POST /knowledge-bases/query`, `aviary kb query`)
/// before the best `top_k` are kept. Default: none (`AviaryConfiguration/knowledgeRerank` is nil).
public struct RerankSettings: Sendable, Hashable {
    /// What scores the passages.
    public enum Provider: Sendable, Hashable {
        /// A cross-encoder rerank endpoint (`POST {base_url}/rerank`).
        case endpoint(RerankEndpoint)
        /// A chat model judging the passages: a `provider/model` reference or a profile, resolved
        /// as an agent's `model:` is.
        case llm(model: String)
    }

    /// What scores the passages.
    public var provider: Provider
    /// How many fused candidates are reranked (1–100, never fewer than the query's `top_k`).
    /// Default `nil`: 3 × `top_k`, at least 20.
    public var candidates: Int?

    /// Creates settings.
    public init(provider: Provider, candidates: Int? = nil) {
        self.provider = provider
        self.candidates = candidates
    }
}

/// A cross-encoder rerank endpoint speaking the Cohere/Jina shape (llama.cpp's server, vLLM,
/// Infinity, Cohere, Jina).
public struct RerankEndpoint: Sendable, Hashable {
    /// The API root (without `/rerank`), e.g. `http://127.0.0.1:8787/v1`.
    public var baseURL: String
    /// The reranking model's id, sent as `model`.
    public var model: String
    /// The key itself (prefer ``apiKeyEnv``). Default none.
    public var apiKey: String?
    /// The environment variable holding the key, sent as a bearer token. Default none: no key.
    public var apiKeyEnv: String?
    /// Timeout of one request. Default 10 s.
    public var timeout: Duration

    /// Creates an endpoint.
    public init(baseURL: String, model: String, apiKey: String? = nil, apiKeyEnv: String? = nil, timeout: Duration = .seconds(10)) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.apiKeyEnv = apiKeyEnv
        self.timeout = timeout
    }
}

extension AviaryConfiguration {
    /// Whether `knowledge.rerank:` is an LLM judge on the embedded local model (`local/…`, or a
    /// profile naming it), which then has to run for queries.
    public var judgesWithLocalModel: Bool {
        guard case .llm(let model)? = knowledgeRerank?.provider else { return false }
        return ModelReference(profiles[model] ?? model)?.provider == "local"
    }
}
