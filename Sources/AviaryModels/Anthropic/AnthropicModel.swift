import AviaryCore

/// A ``LanguageModel`` for the Anthropic Messages API (`POST {baseURL}/v1/messages`).
///
/// System messages become the top-level `system` prompt; tool results are sent as `tool_result`
/// blocks in user turns (consecutive ones merged). Anthropic has no response-format parameter, so
/// `.jsonSchema` and `.jsonObject` are emulated with a forced output tool (details in
/// ``requestBody(for:stream:)``): the model calls a tool named after the schema, and the tool's input
/// is returned as the response text (JSON) with finish reason `stop`; streamed, it arrives as text deltas.
public struct AnthropicModel: LanguageModel {
    /// The configuration this model was created with.
    public let configuration: Configuration
    /// `provider/model`, e.g. `anthropic/claude-sonnet-4-5`.
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
        if base.hasSuffix("/v1") { base.removeLast(3) }
        self.url = base + "/v1/messages"
        var headers: [(name: String, value: String)] = [("content-type", "application/json"),
                                                        ("anthropic-version", configuration.apiVersion)]
        if let key = configuration.apiKey, !key.isEmpty { headers.append(("x-api-key", key)) }
        headers.append(contentsOf: configuration.extraHeaders)
        self.headers = headers + [("accept", "application/json")]
        self.streamHeaders = headers + [("accept", "text/event-stream")]
    }

    /// Sends one Messages request and decodes the reply.
    public func respond(to request: ModelRequest) async throws -> ModelResponse {
        try checkAPIKey()
        let json = try await client.sendJSON(httpRequest(for: request, stream: false))
        return try Self.decodeResponse(json, provider: configuration.provider, fallbackModel: modelID(for: request),
                                       outputTool: AnthropicOutputTool(request.responseFormat))
    }

    /// Streams a Messages request: text and tool-call deltas, then `.completed` with the assembled response.
    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try checkAPIKey()
                    let body = try await client.openStream(httpRequest(for: request, stream: true))
                    var state = AnthropicStreamAccumulator(provider: configuration.provider,
                                                           model: modelID(for: request),
                                                           outputTool: AnthropicOutputTool(request.responseFormat))
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
                    let (response, trailing) = try state.finish()
                    for output in trailing { continuation.yield(output) }
                    continuation.yield(.completed(response))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The JSON body this model sends for `request`.
    ///
    /// Structured output: for `.jsonSchema(name, schema)` a tool named `name` with `input_schema: schema`
    /// is added and forced with `tool_choice: {type: tool, name}` (or `{type: any}` when the request
    /// also offers real tools, so the model may call them first). Non-object schemas are wrapped in
    /// `{"value": schema}` and unwrapped in the response.
    public func requestBody(for request: ModelRequest, stream: Bool = false) -> JSONValue {
        Self.encodeRequest(request, model: modelID(for: request), maxTokens: configuration.defaultMaxTokens,
                           stream: stream)
    }

    private func httpRequest(for request: ModelRequest, stream: Bool) -> HTTPRequestData {
        HTTPRequestData(method: "POST", url: url, headers: stream ? streamHeaders : headers,
                        body: requestBody(for: request, stream: stream).jsonBytes,
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
