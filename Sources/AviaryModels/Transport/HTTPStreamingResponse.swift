/// A response whose body is still arriving, as returned by ``HTTPTransport/stream(_:)``.
public struct HTTPStreamingResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields in order; names are case-insensitive.
    public var headers: [(name: String, value: String)]
    /// The body as byte chunks with arbitrary boundaries.
    public var body: AsyncThrowingStream<[UInt8], any Error>

    /// Creates a streaming response.
    public init(status: Int, headers: [(name: String, value: String)] = [],
                body: AsyncThrowingStream<[UInt8], any Error>) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header (case-insensitive name), if present.
    public func header(_ name: String) -> String? {
        HTTPResponseData.lookup(name, in: headers)
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Reads the rest of the body (at most `limit` bytes are kept), for error responses.
    public func collectBody(upTo limit: Int = 1 << 20) async throws -> [UInt8] {
        var out: [UInt8] = []
        for try await chunk in body {
            if out.count < limit { out.append(contentsOf: chunk.prefix(limit - out.count)) }
        }
        return out
    }
}
