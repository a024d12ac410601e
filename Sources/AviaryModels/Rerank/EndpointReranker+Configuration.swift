extension EndpointReranker {
    /// Settings for one cross-encoder rerank endpoint (`POST {baseURL}/rerank`).
    public struct Configuration: Sendable {
        /// The model id sent as `model` (`bge-reranker-v2-m3`, `rerank-v3.5`, `jina-reranker-v2-base-multilingual`).
        public var model: String
        /// The API root, without the `/rerank` suffix (`http://127.0.0.1:8787/v1`, `https://api.cohere.com/v2`).
        public var baseURL: String
        /// The bearer token; `nil` sends no `Authorization` header.
        public var apiKey: String?
        /// The provider name used in ``EndpointReranker/name`` and errors (default `rerank`).
        public var provider: String
        /// Whether a call without ``apiKey`` fails before any request (default `false`: local servers
        /// need no key; `true` when a key variable is configured but empty).
        public var requiresAPIKey: Bool
        /// The environment variable named in key errors (default `<PROVIDER>_API_KEY`).
        public var apiKeyEnvironmentVariable: String
        /// Retries for 408, 409, 429, 5xx and transport failures (default ``RetryPolicy/rerank``).
        public var retryPolicy: RetryPolicy
        /// Timeout of one request (default 10 s: a person or a model waits for the answer).
        public var timeout: Duration

        /// Creates a configuration.
        public init(model: String, baseURL: String, apiKey: String? = nil, provider: String = "rerank", requiresAPIKey: Bool = false,
                    apiKeyEnvironmentVariable: String? = nil, retryPolicy: RetryPolicy = .rerank, timeout: Duration = .seconds(10)) {
            self.model = model
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.provider = provider
            self.requiresAPIKey = requiresAPIKey
            self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable ?? ProviderClient.defaultKeyVariable(provider)
            self.retryPolicy = retryPolicy
            self.timeout = timeout
        }
    }
}

extension RetryPolicy {
    /// Retries for reranking, which sits in the path of every knowledge query: 3 attempts, 0.25 s
    /// base backoff capped at 2 s, and a `Retry-After` honoured up to 3 s.
    public static var rerank: RetryPolicy {
        RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(250), maxDelay: .seconds(2), maxRetryAfter: .seconds(3))
    }
}
