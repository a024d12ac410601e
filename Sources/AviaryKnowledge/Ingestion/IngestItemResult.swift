import AviaryCore

/// What ingesting one item did: stored (`created`, `replaced`), `skipped` as unchanged, or
/// `failed` with the error; with the number of chunks written.
public struct IngestItemResult: Sendable, Hashable {
    /// The outcome.
    public enum Status: String, Sendable, Hashable {
        /// A new document.
        case created
        /// The document changed; its chunks were replaced.
        case replaced
        /// The same content was stored already.
        case skipped
        /// The item could not be ingested (``error`` says why); the others go on.
        case failed
    }

    /// The item's source.
    public var source: String
    /// The outcome.
    public var status: Status
    /// Chunks written.
    public var chunks: Int
    /// Why it failed.
    public var error: String?

    /// Creates a result.
    public init(source: String, status: Status, chunks: Int = 0, error: String? = nil) {
        self.source = source
        self.status = status
        self.chunks = chunks
        self.error = error
    }

    /// The result as a job's output carries it.
    public var json: JSONValue {
        .object(["source": .string(source), "status": .string(status.rawValue), "chunks": .number(Double(chunks)),
                 "error": error.map(JSONValue.string) ?? .null])
    }

    /// Reads a recorded result.
    public init?(json: JSONValue) {
        guard let source = json["source"]?.stringValue, let status = json["status"]?.stringValue.flatMap(Status.init(rawValue:)) else { return nil }
        self.init(source: source, status: status, chunks: json["chunks"]?.intValue ?? 0, error: json["error"]?.stringValue)
    }
}
