import AviaryCore

/// A ``WebSearchProvider`` over the Brave Search API:
/// `GET {baseURL}/res/v1/web/search?q=…&count=N` with `X-Subscription-Token: <key>`, reading
/// `web.results[]`'s `title`, `url`, `description` and `page_age` (else `age`).
///
/// Brave marks the query's words in `description` with `<strong>`; the `web_search` tool strips
/// markup. A rejected key (401, 403, or 422 `SUBSCRIPTION_TOKEN_INVALID`) is
/// ``WebSearchError/Kind/authentication``; 429 is retried, honouring Brave's `X-RateLimit-Reset`.
public struct BraveSearchProvider: WebSearchProvider {
    /// Settings for the Brave Search API.
    public struct Configuration: Sendable {
        /// The subscription token; `nil` or empty makes every search fail with
        /// ``WebSearchError/Kind/missingAPIKey`` naming ``apiKeyEnvironmentVariable``.
        public var apiKey: String?
        /// The variable the key comes from, named in key errors (default `BRAVE_API_KEY`).
        public var apiKeyEnvironmentVariable: String
        /// The API root (default `https://api.search.brave.com`; tests point it at a fake server).
        public var baseURL: String
        /// `search_lang`, the language of results (`en`, `pt-br`); default `nil`: Brave's (`en`).
        public var language: String?
        /// `safesearch`; default `nil`: Brave's (`moderate`).
        public var safeSearch: WebSearchSafeSearch?
        /// The longest one attempt may take (default 15 s).
        public var timeout: Duration
        /// Retries for 429, 5xx and connection failures (default ``RetryPolicy/webSearch``).
        public var retryPolicy: RetryPolicy

        /// Creates a configuration.
        public init(apiKey: String?, apiKeyEnvironmentVariable: String = "BRAVE_API_KEY", baseURL: String = "https://api.search.brave.com",
                    language: String? = nil, safeSearch: WebSearchSafeSearch? = nil, timeout: Duration = .seconds(15),
                    retryPolicy: RetryPolicy = .webSearch) {
            self.apiKey = apiKey
            self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
            self.baseURL = baseURL
            self.language = language
            self.safeSearch = safeSearch
            self.timeout = timeout
            self.retryPolicy = retryPolicy
        }
    }

    /// The most results Brave returns for one request.
    public static let maximumCount = 20

    /// The configuration this provider was created with.
    public let configuration: Configuration
    private let client: WebSearchClient

    /// Creates a provider talking to `configuration.baseURL` through `transport`.
    public init(configuration: Configuration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.client = WebSearchClient(provider: "brave", apiKeyVariable: configuration.apiKeyEnvironmentVariable, transport: transport,
                                      retryPolicy: configuration.retryPolicy, timeout: configuration.timeout)
    }

    /// `brave`.
    public var name: String { client.provider }

    /// Searches the web; `maxResults` is clamped to 1…``maximumCount``.
    public func search(_ query: String, maxResults: Int) async throws -> [WebSearchResult] {
        guard let key = configuration.apiKey, !key.isEmpty else {
            let variable = configuration.apiKeyEnvironmentVariable
            throw WebSearchError(.missingAPIKey, provider: name, message: """
                \(variable) is not set: export \(variable)=<your Brave Search API key> \
                (web_search.api_key_env in aviary.yaml names the variable)
                """)
        }
        let count = min(max(maxResults, 1), Self.maximumCount)
        let json = try await client.getJSON(requestURL(for: query, count: count),
                                            headers: [("accept", "application/json"), ("x-subscription-token", key)]) { error in
            guard error.status == 422, Self.errorCode(in: error) == "SUBSCRIPTION_TOKEN_INVALID" else { return nil }
            return WebSearchError(.authentication, provider: "brave", message: """
                the API key was rejected (HTTP 422 SUBSCRIPTION_TOKEN_INVALID); check \(configuration.apiKeyEnvironmentVariable)
                """, status: 422, details: error.description)
        }
        return try results(in: json, maxResults: count)
    }

    /// The URL searched for `query`.
    public func requestURL(for query: String, count: Int) -> String {
        var items = [("q", query), ("count", String(count))]
        if let language = configuration.language { items.append(("search_lang", language)) }
        if let safeSearch = configuration.safeSearch { items.append(("safesearch", safeSearch.rawValue)) }
        return WebSearchClient.url(configuration.baseURL, path: "/res/v1/web/search", query: items)
    }

    /// `web.results[]` with an http(s) `url`, in Brave's order; no `web` section means no results.
    func results(in json: JSONValue, maxResults: Int) throws -> [WebSearchResult] {
        guard json.objectValue != nil else { throw client.invalidResponse("the body is not a JSON object") }
        guard let web = json["web"], !web.isNull else { return [] }
        guard let list = web["results"]?.arrayValue else {
            throw client.invalidResponse("web.results is not a list", details: String(json.jsonString.prefix(500)))
        }
        return WebSearchClient.results(list, limit: maxResults, snippet: "description", published: ["page_age", "age"])
    }

    /// `error.code` of a Brave error body (`{"type": "ErrorResponse", "error": {"code": …, "detail": …}}`).
    static func errorCode(in error: ProviderError) -> String? {
        guard let body = error.body, let json = try? JSONValue(parsing: body) else { return nil }
        return json["error"]?["code"]?.stringValue
    }
}
