import AviaryModels

/// The engine behind the `web_search` tool (`web_search:` in `aviary.yaml`). Without it the tool is
/// absent, and an agent that names it is told what to add.
public struct WebSearchSettings: Sendable, Hashable {
    /// The engines Aviary speaks to.
    public enum Provider: String, Sendable, Hashable, CaseIterable {
        /// A SearXNG instance's JSON API (self-hosted, no key; `json` must be in its `search.formats`).
        case searxng
        /// The Brave Search API (a subscription token in an environment variable).
        case brave
    }

    /// The engine. No default: `web_search:` must name one.
    public var provider: Provider
    /// SearXNG: the instance's root, e.g. `http://127.0.0.1:8888` (required). Brave: the API root
    /// (default `nil`: `https://api.search.brave.com`).
    public var url: String?
    /// Brave: the environment variable holding the subscription token. Default `BRAVE_API_KEY`.
    public var apiKeyEnv: String
    /// Results a call returns when the model asks for no number (1–10). Default 5.
    public var maxResults: Int
    /// The longest one `web_search` call may take, retries included. Default 15 s.
    public var timeout: Duration
    /// The language of results (SearXNG `language`, Brave `search_lang`). Default `nil`: the engine's.
    public var language: String?
    /// Adult-content filtering. Default `nil`: the engine's (SearXNG: the instance's setting; Brave: moderate).
    public var safeSearch: WebSearchSafeSearch?
    /// SearXNG: the categories searched (`general`, `news`, `it`). Default empty: the instance's.
    public var categories: [String]

    /// Creates settings; every field but `provider` has its default.
    public init(provider: Provider, url: String? = nil, apiKeyEnv: String = "BRAVE_API_KEY", maxResults: Int = 5,
                timeout: Duration = .seconds(15), language: String? = nil, safeSearch: WebSearchSafeSearch? = nil, categories: [String] = []) {
        self.provider = provider
        self.url = url
        self.apiKeyEnv = apiKeyEnv
        self.maxResults = maxResults
        self.timeout = timeout
        self.language = language
        self.safeSearch = safeSearch
        self.categories = categories
    }
}
