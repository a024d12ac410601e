import AviaryCore

/// What both web search adapters do around their wire format: build the query URL, send it with
/// the provider client's retries and error mapping, and report every failure as a ``WebSearchError``
/// in Aviary's own words (the engine's answer goes to ``WebSearchError/details`` only).
struct WebSearchClient: Sendable {
    let provider: String
    let apiKeyVariable: String?
    let timeout: Duration
    private let client: ProviderClient

    init(provider: String, apiKeyVariable: String?, transport: any HTTPTransport, retryPolicy: RetryPolicy, timeout: Duration) {
        self.provider = provider
        self.apiKeyVariable = apiKeyVariable
        self.timeout = timeout
        self.client = ProviderClient(provider: provider, apiKeyVariable: apiKeyVariable, transport: transport, retryPolicy: retryPolicy)
    }

    /// `GET url` with `headers`, retrying 408, 409, 429, 5xx and connection failures; the parsed 2xx
    /// JSON body. `special` maps the failures one engine reports its own way (`nil`: the usual mapping).
    func getJSON(_ url: String, headers: [(name: String, value: String)],
                 special: (ProviderError) -> WebSearchError? = { _ in nil }) async throws -> JSONValue {
        do {
            return try await client.sendJSON(HTTPRequestData(method: "GET", url: url, headers: headers, timeout: timeout))
        } catch let error as ProviderError {
            throw special(error) ?? mapped(error)
        }
    }

    /// The usual reading of a provider failure.
    func mapped(_ error: ProviderError) -> WebSearchError {
        let status = error.status
        switch error.kind {
        case .authentication:
            let hint = apiKeyVariable.map { "; check \($0)" } ?? ""
            return WebSearchError(.authentication, provider: provider, message: "the API key was rejected (HTTP \(status ?? 0))\(hint)",
                                  status: status, details: error.description)
        case .http where status == 429:
            return WebSearchError(.rateLimited, provider: provider, message: """
                too many searches (HTTP 429): the engine's rate limit or quota is reached; try again later
                """, status: status, details: error.description)
        case .transport:
            return WebSearchError(.transport, provider: provider, message: "the search engine could not be reached",
                                  details: error.description)
        case .invalidResponse:
            return invalidResponse("the body is not JSON", details: error.description)
        default:
            return WebSearchError(.http, provider: provider, message: "the search engine answered HTTP \(status ?? 0)",
                                  status: status, details: error.description)
        }
    }

    /// A 2xx body that is not the engine's API: `reason` is ours (which field was wrong).
    func invalidResponse(_ reason: String, details: String? = nil) -> WebSearchError {
        WebSearchError(.invalidResponse, provider: provider, message: "the search engine sent a response that could not be read: \(reason)",
                       details: details)
    }

    /// `base` (trailing slashes dropped) + `path` + the percent-encoded query.
    static func url(_ base: String, path: String, query: [(String, String)]) -> String {
        var root = Substring(base)
        while root.hasSuffix("/") { root.removeLast() }
        return String(root) + path + "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// Percent-encodes a query component: every byte but ASCII letters, digits and `-._~`, so `+`,
    /// `&` and `=` in a query stay themselves.
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The results of an engine's result list, in its order, at most `limit`: each item's `url`,
    /// `title` (default: the URL), `snippet` field and the first `published` field present. Items
    /// without an absolute http(s) `url` are dropped.
    static func results(_ list: [JSONValue], limit: Int, snippet: String, published: [String]) -> [WebSearchResult] {
        var out: [WebSearchResult] = []
        for item in list where out.count < limit {
            guard let url = text(item, "url"), isWebAddress(url) else { continue }
            out.append(WebSearchResult(title: text(item, "title") ?? url, url: url, snippet: item[snippet]?.stringValue ?? "",
                                       published: published.lazy.compactMap { text(item, $0) }.first))
        }
        return out
    }

    /// The text of `field` in a result object, `nil` when absent, not text or blank.
    private static func text(_ object: JSONValue, _ field: String) -> String? {
        guard let value = object[field]?.stringValue, value.contains(where: { !$0.isWhitespace }) else { return nil }
        return value
    }

    /// Whether `url` is an absolute http(s) address.
    private static func isWebAddress(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
