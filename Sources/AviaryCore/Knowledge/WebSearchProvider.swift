/// A web search engine behind one call: the seam of the `web_search` tool.
///
/// Adapters speak one engine's API (SearXNG, Brave Search); tests use a double. An adapter
/// retries what is worth retrying itself and reports every failure as a ``WebSearchError``.
public protocol WebSearchProvider: Sendable {
    /// The provider's short name (`searxng`, `brave`), shown in results and errors.
    var name: String { get }

    /// At most `maxResults` results for `query`, best first; an empty list when nothing matched.
    /// Throws ``WebSearchError``.
    func search(_ query: String, maxResults: Int) async throws -> [WebSearchResult]
}
