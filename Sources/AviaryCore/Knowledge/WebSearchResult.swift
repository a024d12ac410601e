/// One result of a web search: a page, its title and what the engine says about it.
public struct WebSearchResult: Sendable, Hashable, Codable {
    /// The page's title.
    public var title: String
    /// The page's address.
    public var url: String
    /// The engine's excerpt of the page (may hold HTML markup; the `web_search` tool strips it).
    public var snippet: String
    /// When the page was published or last changed, as the engine gives it (an ISO 8601 date such
    /// as `2024-05-01T00:00:00`, or text such as `3 days ago`); `nil` when unknown.
    public var published: String?

    /// Creates a result.
    public init(title: String, url: String, snippet: String, published: String? = nil) {
        self.title = title
        self.url = url
        self.snippet = snippet
        self.published = published
    }
}
