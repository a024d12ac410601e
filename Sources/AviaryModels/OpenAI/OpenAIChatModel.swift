import AviaryCore

/// A ``LanguageModel`` for any OpenAI-compatible Chat Completions endpoint (`POST {baseURL}/chat/completions`).
///
/// Requests are written straight to bytes (``JSONStreamWriter``) and responses walked from
/// ``JSONValue(parsing:)``: no Foundation coders on the hot path. Non-streaming and streaming calls
/// retry per ``Configuration/retryPolicy``; a stream is retried only until its response head arrives.
public struct OpenAIChatModel: LanguageModel {
    /// The configuration this model was created with.
    public let configuration: Configuration
    /// `provider/model`, e.g. `openai/gpt-4o-mini`.
    public let name: String
    private let client: ProviderClient
    private let url: String
    private let headers: [(name: String, value: String)]
    private let streamHeaders: [(name: String, value: String)]

    /// Creates a model talking to `configuration.baseURL` through `transport`.
    public init(configuration: Configuration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.name = "\(configuration.provider)/\(configuration.model)"
        self.client = ProviderClient(provider: configuration.provider,
                                     apiKeyVariable: configuration.apiKeyEnvironmentVariable,
                                     transport: transport, retryPolicy: configuration.retryPolicy)
        var base = configuration.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.url = base + "/chat/completions"
        var headers: [(name: String, value: String)] = [("content-type", "application/json")]
        if let key = configuration.apiKey, !key.isEmpty { headers.append(("authorization", "Bearer \(key)")) }
        headers.append(contentsOf: configuration.extraHeaders)
        self.headers = headers + [("accept", "application/json")]
        self.streamHeaders = headers + [("accept", "text/event-stream")]
    }

    /// Sends one Chat Completions request and decodes `choices[0]`.
    public func respond(to request: ModelRequest) async throws -> ModelResponse {
        try checkAPIKey()
        let json = try await client.sendJSON(httpRequest(for: request, stream: false))
        return try Self.decodeResponse(json, provider: configuration.provider, fallbackModel: modelID(for: request))
    }

    /// Streams a Chat Completions request: text and tool-call deltas, then `.completed` with the assembled response.
    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try checkAPIKey()
                    let body = try await client.openStream(httpRequest(for: request, stream: true))
                    var state = OpenAIStreamAccumulator(provider: configuration.provider, model: modelID(for: request))
                    var decoder = SSEDecoder()
                    try await client.wrapTransport {
                        for try await chunk in body where !state.isDone {
                            for event in decoder.push(chunk) where !state.isDone {
                                for output in try state.consume(event) { continuation.yield(output) }
                            }
                        }
                    }
                    for event in decoder.finish() where !state.isDone {
                        for output in try state.consume(event) { continuation.yield(output) }
                    }
                    continuation.yield(.completed(try state.finish()))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The JSON body this model sends for `request` (read back from the bytes it sends).
    public func requestBody(for request: ModelRequest, stream: Bool = false) -> JSONValue {
        (try? JSONValue(parsing: requestBytes(for: request, stream: stream))) ?? .null
    }

    /// The exact bytes of the JSON body this model sends for `request`.
    public func requestBytes(for request: ModelRequest, stream: Bool = false) -> [UInt8] {
        Self.encodeRequest(request, model: modelID(for: request), stream: stream, configuration: configuration)
    }

    private func httpRequest(for request: ModelRequest, stream: Bool) -> HTTPRequestData {
        HTTPRequestData(method: "POST", url: url, headers: stream ? streamHeaders : headers,
                        body: requestBytes(for: request, stream: stream),
                        timeout: configuration.timeout)
    }

    private func modelID(for request: ModelRequest) -> String {
        request.model.isEmpty ? configuration.model : request.model
    }

    private func checkAPIKey() throws {
        try ProviderClient.checkAPIKey(configuration.apiKey, required: configuration.requiresAPIKey,
                                       provider: configuration.provider,
                                       variable: configuration.apiKeyEnvironmentVariable)
    }
}
