import AviaryCore

/// The engine of a `web_search` tool registered before any HTTP client exists (a project loaded
/// for validation): every search fails saying so. The application registers the tool again over
/// its connected provider before anything runs.
struct DetachedWebSearchProvider: WebSearchProvider {
    let name: String

    func search(_ query: String, maxResults: Int) async throws -> [WebSearchResult] {
        throw WebSearchError(.notConnected, provider: name, message: "web search is not connected here (the project was loaded without network access)")
    }
}
