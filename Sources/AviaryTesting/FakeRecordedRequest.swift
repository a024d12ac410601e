import AviaryCore

/// A request a fake server received, for assertions on what an adapter sent.
public struct FakeRecordedRequest: Sendable, Hashable {
    /// The HTTP method.
    public var method: String
    /// The path (`/v1/chat/completions`).
    public var path: String
    /// The query's parameters, decoded (the last value wins for repeated names).
    public var query: [String: String]
    /// Header fields with lowercased names (the last value wins for repeated names).
    public var headers: [String: String]
    /// The body parsed as JSON; `nil` when empty or not JSON.
    public var body: JSONValue?
    /// The raw body text.
    public var rawBody: String

    /// Creates a record.
    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String], body: JSONValue?, rawBody: String) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.rawBody = rawBody
    }

    /// Whether the request asked for a streamed answer (`"stream": true`).
    public var isStreaming: Bool { body?["stream"]?.boolValue == true }
}
