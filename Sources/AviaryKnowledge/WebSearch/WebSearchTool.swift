import AviaryCore
import Foundation

/// `web_search`: searches the web through a ``WebSearchProvider`` (a SearXNG instance, Brave
/// Search) and returns `{query, provider, results: [{title, url, snippet, published?}]}`, best
/// first, with markup stripped from titles and snippets.
///
/// A failed search (no API key, a rejected key, an engine that is down or rate limiting) throws
/// the provider's ``WebSearchError``: the runtime logs its details under its error id and gives the
/// model a tool error with its caller description (what happened and what to do), and the run goes on.
public struct WebSearchTool: Tool {
    /// The tool's name.
    public static let toolName = "web_search"
    /// The most results one call may ask for.
    public static let maximumResults = 10
    /// The longest query, in characters (Brave's limit; engines truncate or refuse longer ones).
    public static let maximumQueryLength = 400
    /// Lengths results are cut to: title, snippet and date; longer URLs drop the result.
    static let limits = (title: 300, snippet: 1_000, published: 64, url: 2_048)

    /// The engine searched.
    public let provider: any WebSearchProvider
    /// How many results a call that names none gets (1…``maximumResults``).
    public let defaultMaxResults: Int
    /// The longest one call may take, retries included.
    public let timeout: Duration

    /// Creates the tool over a provider; `defaultMaxResults` is clamped to 1…``maximumResults``.
    public init(provider: any WebSearchProvider, defaultMaxResults: Int = 5, timeout: Duration = .seconds(15)) {
        self.provider = provider
        self.defaultMaxResults = min(max(defaultMaxResults, 1), Self.maximumResults)
        self.timeout = timeout
    }

    public var spec: ToolSpec {
        ToolSpec(name: Self.toolName, description: """
            Searches the web for current information. Returns the best pages with their title, URL, a snippet and, when known, \
            the publication date; cite the URL when you use a result.
            """, parameters: [
                "type": "object",
                "properties": [
                    "query": ["type": "string", "minLength": 1, "maxLength": .number(Double(Self.maximumQueryLength)),
                              "description": "What to search for, as you would type it into a search engine."],
                    "max_results": ["type": "integer", "minimum": 1, "maximum": .number(Double(Self.maximumResults)),
                                    "description": .string("How many results (default \(defaultMaxResults)).")],
                ],
                "required": ["query"],
                "additionalProperties": false,
            ])
    }

    public var policy: ToolPolicy {
        let (seconds, attoseconds) = timeout.components
        return ToolPolicy(timeout: Double(seconds) + Double(attoseconds) / 1e18, idempotent: true)
    }

    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let (query, maxResults) = try Self.parse(arguments, defaultMaxResults: defaultMaxResults)
        // a WebSearchError is a CallerSafeError: the runtime logs its details under its error id
        // and gives the model its caller description as the tool's error
        let found = try await provider.search(query, maxResults: maxResults)
        let results = found.prefix(maxResults).compactMap(Self.cleaned)
        return ToolOutput(["query": .string(query), "provider": .string(provider.name),
                           "results": .array(results.map(\.json))])
    }

    /// The query and the number of results asked for; what is wrong, for the model.
    static func parse(_ arguments: JSONValue, defaultMaxResults: Int) throws -> (query: String, maxResults: Int) {
        guard let raw = arguments["query"]?.stringValue else { throw ToolError.invalidArguments("query: expected the text to search for") }
        let query = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { throw ToolError.invalidArguments("query: is empty; say what to search for") }
        guard query.count <= maximumQueryLength else {
            throw ToolError.invalidArguments("query: \(query.count) characters; at most \(maximumQueryLength)")
        }
        guard let given = arguments["max_results"], !given.isNull else { return (query, defaultMaxResults) }
        guard let n = given.intValue, (1...maximumResults).contains(n) else {
            throw ToolError.invalidArguments("max_results: expected a whole number from 1 to \(maximumResults), got \(given.jsonString)")
        }
        return (query, n)
    }

    /// A result as the model sees it: plain text, cut to ``limits``; `nil` for an over-long URL.
    static func cleaned(_ result: WebSearchResult) -> WebSearchResult? {
        guard result.url.utf8.count <= limits.url else { return nil }
        let title = SnippetText.plain(result.title, limit: limits.title)
        return WebSearchResult(title: title.isEmpty ? result.url : title, url: result.url,
                               snippet: SnippetText.plain(result.snippet, limit: limits.snippet),
                               published: result.published.map { SnippetText.plain($0, limit: limits.published) }.flatMap { $0.isEmpty ? nil : $0 })
    }
}
