/// A complete HTTP response as returned by ``HTTPTransport/send(_:)``.
public struct HTTPResponseData: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields in order; names are case-insensitive.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header (case-insensitive name), if present.
    public func header(_ name: String) -> String? {
        Self.lookup(name, in: headers)
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    static func lookup(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        for header in headers where header.name.utf8.count == name.utf8.count {
            if header.name == name || header.name.lowercased() == name.lowercased() { return header.value }
        }
        return nil
    }
}
