/// Where a provider's JSON API call goes: `{baseURL}/{path}` (trailing slashes of the base
/// dropped) with JSON content-type and accept headers and, when there is a key, a bearer
/// `authorization` header. Shared by the embeddings and rerank clients.
struct JSONEndpoint: Sendable {
    /// The request URL.
    let url: String
    /// The request headers.
    let headers: [(name: String, value: String)]

    init(baseURL: String, path: String, apiKey: String?) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        url = base + "/" + path
        var headers: [(name: String, value: String)] = [("content-type", "application/json"), ("accept", "application/json")]
        if let apiKey, !apiKey.isEmpty { headers.append(("authorization", "Bearer \(apiKey)")) }
        self.headers = headers
    }
}
