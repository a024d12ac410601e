import AviaryCore

/// A ``Reranker`` over a cross-encoder rerank endpoint: `POST {baseURL}/rerank` with
/// `{"model", "query", "documents", "top_n"}`, the shape Cohere, Jina, llama.cpp's server, vLLM
/// and Infinity share, through the provider client's retries. The answer is read by its shape
/// (``RerankResponse``): Cohere/Jina's `{"results": [{"index", "relevance_score"}]}` or Hugging
/// Face TEI's top-level `[{"index", "score"}]`.
public struct EndpointReranker: Reranker {
    /// The configuration this reranker was created with.
    public let configuration: Configuration
    /// `provider/model`, e.g. `rerank/bge-reranker-v2-m3`.
    public let name: String
    private let client: ProviderClient
    private let url: String
    private let headers: [(name: String, value: String)]

    /// Creates a reranker talking to `configuration.baseURL` through `transport`.
    public init(configuration: Configuration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.name = "\(configuration.provider)/\(configuration.model)"
        self.client = ProviderClient(provider: configuration.provider, apiKeyVariable: configuration.apiKeyEnvironmentVariable,
                                     transport: transport, retryPolicy: configuration.retryPolicy)
        let endpoint = JSONEndpoint(baseURL: configuration.baseURL, path: "rerank", apiKey: configuration.apiKey)
        url = endpoint.url
        headers = endpoint.headers
    }

    /// One score per passage, in the passages' order (higher is better). Passages the endpoint
    /// left out rank after every scored one; an index out of range or given twice is an error.
    public func scores(query: String, passages: [String]) async throws -> [Double] {
        guard !passages.isEmpty else { return [] }
        try ProviderClient.checkAPIKey(configuration.apiKey, required: configuration.requiresAPIKey, provider: configuration.provider,
                                       variable: configuration.apiKeyEnvironmentVariable, setting: "knowledge.rerank.api_key")
        let body: JSONValue = [
            "model": .string(configuration.model),
            "query": .string(query),
            "documents": .array(passages.map { .string($0) }),
            "top_n": .number(Double(passages.count)),
        ]
        let json = try await client.sendJSON(HTTPRequestData(url: url, headers: headers, body: body.jsonBytes, timeout: configuration.timeout))
        do {
            return try RerankResponse.scores(json, documents: passages.count)
        } catch let error as RerankResponse.Invalid {
            throw ProviderError.invalidResponse(provider: configuration.provider, reason: error.reason, body: json.jsonBytes)
        }
    }
}
