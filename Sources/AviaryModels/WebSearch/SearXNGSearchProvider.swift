import AviaryCore

/// A ``WebSearchProvider`` over a SearXNG instance's JSON API:
/// `GET {baseURL}/search?q=…&format=json` (plus `language`, `safesearch` and `categories` when set),
/// reading `results[]`'s `title`, `url`, `content` and `publishedDate`.
///
/// The instance must serve JSON: `json` listed in `search.formats` of its `settings.yml`
/// (`formats: [html, json]`), which many public instances leave out. Without it SearXNG answers
/// `format=json` with 403, reported as ``WebSearchError/Kind/jsonFormatDisabled``. SearXNG has no
/// result-count parameter: the first page is fetched and cut to `maxResults`.
public struct SearXNGSearchProvider: WebSearchProvider {
    /// Settings for one SearXNG instance.
    public struct Configuration: Sendable {
        /// The instance's root, e.g. `http://127.0.0.1:8888` (no default: SearXNG is self-hosted).
        public var baseURL: String
        /// The `language` of results (`en`, `pt-BR`, `all`); default `nil`: the instance's default.
        public var language: String?
        /// Adult-content filtering (`safesearch` 0, 1 or 2); default `nil`: the instance's default.
        public var safeSearch: WebSearchSafeSearch?
        /// The `categories` searched (`general`, `news`, `it`…); default empty: the instance's default.
        public var categories: [String]
        /// The longest one attempt may take (default 15 s).
        public var timeout: Duration
        /// Retries for 429, 5xx and connection failures (default ``RetryPolicy/webSearch``).
        public var retryPolicy: RetryPolicy

        /// Creates a configuration.
        public init(baseURL: String, language: String? = nil, safeSearch: WebSearchSafeSearch? = nil, categories: [String] = [],
                    timeout: Duration = .seconds(15), retryPolicy: RetryPolicy = .webSearch) {
            self.baseURL = baseURL
            self.language = language
            self.safeSearch = safeSearch
            self.categories = categories
            self.timeout = timeout
            self.retryPolicy = retryPolicy
        }
    }

    /// The configuration this provider was created with.
    public let configuration: Configuration
    private let client: WebSearchClient

    /// Creates a provider talking to `configuration.baseURL` through `transport`.
    public init(configuration: Configuration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.client = WebSearchClient(provider: "searxng", apiKeyVariable: nil, transport: transport,
                                      retryPolicy: configuration.retryPolicy, timeout: configuration.timeout)
    }

    /// `searxng`.
    public var name: String { client.provider }

    /// Searches the instance and returns its first results, at most `maxResults` (at least 1).
    public func search(_ query: String, maxResults: Int) async throws -> [WebSearchResult] {
        let json = try await client.getJSON(requestURL(for: query), headers: [("accept", "application/json")]) { error in
            guard error.status == 403 else { return nil }
            return WebSearchError(.jsonFormatDisabled, provider: "searxng", message: """
                the SearXNG instance refused format=json (HTTP 403): add json to search.formats in its settings.yml \
                (formats: [html, json]) and restart it
                """, status: 403, details: error.description)
        }
        return try results(in: json, maxResults: max(1, maxResults))
    }

    /// The URL searched for `query`.
    public func requestURL(for query: String) -> String {
        var items = [("q", query), ("format", "json")]
        if let language = configuration.language { items.append(("language", language)) }
        if let safeSearch = configuration.safeSearch {
            let level = switch safeSearch {
            case .off: "0"
            case .moderate: "1"
            case .strict: "2"
            }
            items.append(("safesearch", level))
        }
        if !configuration.categories.isEmpty { items.append(("categories", configuration.categories.joined(separator: ","))) }
        return WebSearchClient.url(configuration.baseURL, path: "/search", query: items)
    }

    /// `results[]` with a title and an http(s) `url`, in the instance's order.
    func results(in json: JSONValue, maxResults: Int) throws -> [WebSearchResult] {
        guard let list = json["results"]?.arrayValue else {
            throw client.invalidResponse("no results list", details: String(json.jsonString.prefix(500)))
        }
        return WebSearchClient.results(list, limit: maxResults, snippet: "content", published: ["publishedDate"])
    }
}
