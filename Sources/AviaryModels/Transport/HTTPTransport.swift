/// The seam between provider adapters and the network: one call for a whole response, one for a
/// streamed body. ``AsyncHTTPTransport`` is the production implementation; tests can substitute an
/// in-memory one.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns the complete response (any status; adapters map errors).
    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData
    /// Sends a request and returns the status and headers as soon as they arrive, with the body as a
    /// stream of byte chunks (chunk boundaries are arbitrary). Dropping the stream cancels the request.
    func stream(_ request: HTTPRequestData) async throws -> HTTPStreamingResponse
}
