extension OpenAIChatModel {
    /// Settings for one OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp, OpenRouter, Groq…).
    public struct Configuration: Sendable {
        /// The API root, without the `/chat/completions` suffix (default `https://api.openai.com/v1`).
        public var baseURL: String
        /// The bearer token; `nil` sends no `Authorization` header (default `nil`).
        public var apiKey: String?
        /// Whether a call without ``apiKey`` fails fast with ``ProviderError/Kind/missingAPIKey``
        /// (default `true`; `false` for local servers such as Ollama).
        public var requiresAPIKey: Bool
        /// The environment variable named in key errors (default `<PROVIDER>_API_KEY`, e.g. `OPENAI_API_KEY`).
        public var apiKeyEnvironmentVariable: String
        /// The model id used when a request leaves `model` empty, and in ``OpenAIChatModel/name``.
        public var model: String
        /// The provider name used in ``OpenAIChatModel/name`` and errors (default `openai`).
        public var provider: String
        /// Extra headers sent with every request (default none), e.g. `OpenAI-Organization`.
        public var extraHeaders: [(name: String, value: String)]
        /// Retries for 429, 5xx and transport failures (default ``RetryPolicy/standard``).
        public var retryPolicy: RetryPolicy
        /// Timeout for one attempt, streamed body included (default 120 s).
        public var timeout: Duration
        /// `strict` for `json_schema` response formats: `nil` (default) sends `true` only when the schema
        /// meets OpenAI's strict-mode rules (every object closed and fully required), `true`/`false` force it.
        public var strictJSONSchema: Bool?
        /// The body key for ``ModelRequest/maxTokens`` (default `max_tokens`, understood by every compatible
        /// server; OpenAI's reasoning models need `max_completion_tokens`).
        public var maxTokensKey: String
        /// Whether streamed requests ask for a final usage chunk with `stream_options.include_usage`
        /// (default `true`; turn off for servers that reject `stream_options`).
        public var includeStreamUsage: Bool

        /// How `.jsonSchema` response formats go on the wire (default ``JSONSchemaStyle/openAI``).
        public var jsonSchemaStyle: JSONSchemaStyle = .openAI

        /// Creates a configuration.
        public init(
            model: String,
            baseURL: String = "https://api.openai.com/v1",
            apiKey: String? = nil,
            provider: String = "openai",
            requiresAPIKey: Bool = true,
            apiKeyEnvironmentVariable: String? = nil,
            extraHeaders: [(name: String, value: String)] = [],
            retryPolicy: RetryPolicy = .standard,
            timeout: Duration = .seconds(120),
            strictJSONSchema: Bool? = nil,
            maxTokensKey: String = "max_tokens",
            includeStreamUsage: Bool = true
        ) {
            self.model = model
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.provider = provider
            self.requiresAPIKey = requiresAPIKey
            self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
                ?? ProviderClient.defaultKeyVariable(provider)
            self.extraHeaders = extraHeaders
            self.retryPolicy = retryPolicy
            self.timeout = timeout
            self.strictJSONSchema = strictJSONSchema
            self.maxTokensKey = maxTokensKey
            self.includeStreamUsage = includeStreamUsage
        }

        /// A local Ollama server (`http://127.0.0.1:11434/v1`, no API key).
        public static func ollama(model: String, baseURL: String = "http://127.0.0.1:11434/v1") -> Configuration {
            Configuration(model: model, baseURL: baseURL, provider: "ollama", requiresAPIKey: false)
        }
    }

    /// Wire shapes of schema-constrained output.
    public enum JSONSchemaStyle: Sendable, Hashable {
        /// `{"type":"json_schema","json_schema":{"name","schema","strict"}}` (OpenAI, vLLM, Ollama).
        case openAI
        /// `{"type":"json_object","schema":{…}}` (llama-cpp-python's server, which rejects `json_schema`).
        case schemaInJSONObject
    }
}
