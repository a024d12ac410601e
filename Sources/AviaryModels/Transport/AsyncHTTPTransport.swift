import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// ``HTTPTransport`` on AsyncHTTPClient.
///
/// The transport borrows the `HTTPClient` it is given and never shuts it down: the caller owns the
/// client's lifecycle. Use ``withTransport(timeout:maxResponseBytes:_:)`` for a scoped client that is
/// always shut down, or pass a long-lived client owned by the application.
///
/// Note: with AsyncHTTPClient's default `retryConnectionEstablishment`, a refused connection fails
/// only when the client's connect timeout (10 s by default) or the request timeout expires.
public struct AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    /// The timeout for requests that do not set their own (whole exchange, streamed body included).
    public let defaultTimeout: Duration
    /// The largest non-streamed response body accepted.
    public let maxResponseBytes: Int

    /// Wraps a client the caller owns (and shuts down).
    public init(client: HTTPClient, defaultTimeout: Duration = .seconds(120), maxResponseBytes: Int = 32 << 20) {
        self.client = client
        self.defaultTimeout = defaultTimeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Runs `body` with a transport on a fresh `HTTPClient` (built from `configuration`) that is shut
    /// down when `body` returns or throws.
    public static func withTransport<T>(
        timeout: Duration = .seconds(120), maxResponseBytes: Int = 32 << 20,
        configuration: HTTPClient.Configuration = HTTPClient.Configuration(),
        _ body: (AsyncHTTPTransport) async throws -> T
    ) async throws -> T {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let result: T
        do {
            result = try await body(AsyncHTTPTransport(client: client, defaultTimeout: timeout,
                                                       maxResponseBytes: maxResponseBytes))
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// Sends a request and collects the whole response body.
    public func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        let response = try await client.execute(makeRequest(request), timeout: timeAmount(request.timeout))
        let buffer = try await response.body.collect(upTo: maxResponseBytes)
        return HTTPResponseData(status: Int(response.status.code), headers: headerList(response.headers),
                                body: Array(buffer.readableBytesView))
    }

    /// Sends a request and streams the response body.
    public func stream(_ request: HTTPRequestData) async throws -> HTTPStreamingResponse {
        let response = try await client.execute(makeRequest(request), timeout: timeAmount(request.timeout))
        let box = AsyncIteratorBox(response.body.makeAsyncIterator())
        let body = AsyncThrowingStream<[UInt8], any Error> {
            guard let buffer = try await box.next() else { return nil }
            return Array(buffer.readableBytesView)
        }
        return HTTPStreamingResponse(status: Int(response.status.code), headers: headerList(response.headers),
                                     body: body)
    }

    private func makeRequest(_ data: HTTPRequestData) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: data.url)
        switch data.method.uppercased() {
        case "GET": request.method = .GET
        case "POST": request.method = .POST
        case "PUT": request.method = .PUT
        case "DELETE": request.method = .DELETE
        case "PATCH": request.method = .PATCH
        default: request.method = .RAW(value: data.method)
        }
        for header in data.headers { request.headers.add(name: header.name, value: header.value) }
        if !data.body.isEmpty { request.body = .bytes(ByteBuffer(bytes: data.body)) }
        return request
    }

    private func timeAmount(_ timeout: Duration?) -> TimeAmount {
        let d = timeout ?? defaultTimeout
        let (seconds, attoseconds) = d.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    private func headerList(_ headers: some Sequence<(name: String, value: String)>) -> [(name: String, value: String)] {
        headers.map { (name: $0.name, value: $0.value) }
    }
}
