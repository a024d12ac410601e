import NIOCore

/// One Server-Sent Events frame (`id:`, `event:`, `data:` lines, blank line), or a comment.
public struct ServerSentEvent: Sendable, Hashable {
    /// The `id:` field (the run event's sequence), if any.
    public var id: String?
    /// The `event:` field, if any.
    public var event: String?
    /// The payload; each line becomes a `data:` line.
    public var data: String

    /// Creates a frame.
    public init(id: String? = nil, event: String? = nil, data: String) {
        self.id = id
        self.event = event
        self.data = data
    }

    /// The wire text of the frame.
    public var text: String {
        var out = ""
        if let id { out += "id: \(id)\n" }
        if let event { out += "event: \(event)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { out += "data: \(line)\n" }
        return out + "\n"
    }

    /// A comment frame (ignored by clients; keeps proxies from closing idle streams).
    public static func comment(_ text: String) -> String { ": \(text)\n\n" }
}
