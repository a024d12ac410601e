import AviaryCore
import AviaryKnowledge
import AviaryModels

extension WebSearchSettings {
    /// The largest search response read (the engines send tens of kilobytes).
    static let maximumResponseBytes = 4 << 20

    /// The engine these settings name, over `transport`; Brave's key is read from
    /// `environment[apiKeyEnv]` (a missing key fails each search, naming the variable).
    public func makeProvider(transport: any HTTPTransport, environment: [String: String]) -> any WebSearchProvider {
        switch provider {
        case .searxng:
            return SearXNGSearchProvider(configuration: .init(baseURL: url ?? "", language: language, safeSearch: safeSearch,
                                                              categories: categories, timeout: timeout),
                                         transport: transport)
        case .brave:
            var configuration = BraveSearchProvider.Configuration(apiKey: environment[apiKeyEnv], apiKeyEnvironmentVariable: apiKeyEnv,
                                                                  language: language, safeSearch: safeSearch, timeout: timeout)
            if let url { configuration.baseURL = url }
            return BraveSearchProvider(configuration: configuration, transport: transport)
        }
    }

    /// The `web_search` tool over `provider`, with these settings' default result count and time limit.
    public func makeTool(provider: any WebSearchProvider) -> WebSearchTool {
        WebSearchTool(provider: provider, defaultMaxResults: maxResults, timeout: timeout)
    }
}
