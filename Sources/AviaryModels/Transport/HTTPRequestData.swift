/// A transport-neutral HTTP request: what a provider adapter wants sent.
public struct HTTPRequestData: Sendable {
    /// The HTTP method (`POST`, `GET`, …).
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Header fields in order; names are case-insensitive.
    public var headers: [(name: String, value: String)]
    /// The body bytes (UTF-8 JSON for every provider here).
    public var body: [UInt8]
    /// How long the whole exchange may take, streamed body included; `nil` uses the transport's default.
    public var timeout: Duration?

    /// Creates a request.
    public init(method: String = "POST", url: String, headers: [(name: String, value: String)] = [],
                body: [UInt8] = [], timeout: Duration? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The first value of a header (case-insensitive name), if present.
    public func header(_ name: String) -> String? {
        HTTPResponseData.lookup(name, in: headers)
    }
}
