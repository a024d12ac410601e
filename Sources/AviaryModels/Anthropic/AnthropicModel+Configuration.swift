extension AnthropicModel {
    /// Settings for the Anthropic Messages API.
    public struct Configuration: Sendable {
        /// The API root, without `/v1/messages` (default `https://api.anthropic.com`).
        public var baseURL: String
        /// The key sent as `x-api-key` (required by the real API; default `nil`).
        public var apiKey: String?
        /// Whether a call without ``apiKey`` fails fast with ``ProviderError/Kind/missingAPIKey`` (default `true`).
        public var requiresAPIKey: Bool
        /// The environment variable named in key errors (default `ANTHROPIC_API_KEY`).
        public var apiKeyEnvironmentVariable: String
        /// The model id used when a request leaves `model` empty, and in ``AnthropicModel/name``.
        public var model: String
        /// The provider name used in ``AnthropicModel/name`` and errors (default `anthropic`).
        public var provider: String
        /// The `anthropic-version` header (default `2023-06-01`).
        public var apiVersion: String
        /// `max_tokens` when the request sets none; the API requires one (default 4096).
        public var defaultMaxTokens: Int
        /// Extra headers sent with every request (default none), e.g. `anthropic-beta`.
        public var extraHeaders: [(name: String, value: String)]
        /// Retries for 429, 5xx (529 included) and transport failures (default ``RetryPolicy/standard``).
        public var retryPolicy: RetryPolicy
        /// Timeout for one attempt, streamed body included (default 300 s).
        public var timeout: Duration

        /// Creates a configuration.
        public init(
            model: String,
            baseURL: String = "https://api.anthropic.com",
            apiKey: String? = nil,
            provider: String = "anthropic",
            requiresAPIKey: Bool = true,
            apiKeyEnvironmentVariable: String = "ANTHROPIC_API_KEY",
            apiVersion: String = "2023-06-01",
            defaultMaxTokens: Int = 4096,
            extraHeaders: [(name: String, value: String)] = [],
            retryPolicy: RetryPolicy = .standard,
            timeout: Duration = .seconds(300)
        ) {
            self.model = model
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.provider = provider
            self.requiresAPIKey = requiresAPIKey
            self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
            self.apiVersion = apiVersion
            self.defaultMaxTokens = defaultMaxTokens
            self.extraHeaders = extraHeaders
            self.retryPolicy = retryPolicy
            self.timeout = timeout
        }
    }
}
