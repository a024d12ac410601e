import AviaryCore

/// One scripted answer of a fake search engine (``withFakeSearXNGServer(replies:fallback:jsonFormat:_:)``,
/// ``withFakeBraveServer(apiKey:replies:fallback:_:)``).
public enum FakeSearchReply: Sendable, Hashable {
    /// A 200 with these results in the engine's JSON shape (`published` becomes SearXNG's
    /// `publishedDate` or Brave's `page_age`).
    case results([WebSearchResult])
    /// A non-2xx status with this body and extra headers (`Retry-After`, `X-RateLimit-Reset`…).
    case error(status: Int, body: String, headers: [String: String] = [:])
    /// A 200 whose body is this text verbatim (`application/json` content type).
    case garbage(String)
}
