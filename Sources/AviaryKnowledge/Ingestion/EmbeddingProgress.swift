import AviaryCore

/// Where an ingestion job's vectors are: the `embeddings` part of its status and output.
public struct EmbeddingProgress: Sendable, Hashable {
    /// The backfill's states.
    public enum Status: String, Sendable, Hashable {
        /// No embedding model is configured: retrieval is lexical only.
        case off
        /// Items are still being ingested; vectors come after.
        case waiting
        /// Vectors are being computed.
        case running
        /// Every chunk of the namespace has its vector (or ``EmbeddingProgress/remaining`` says how many do not).
        case completed
        /// The model failed; ``EmbeddingProgress/error`` says why. The chunks are searchable lexically.
        case failed
    }

    /// Where it is.
    public var status: Status
    /// The embedding model.
    public var model: String?
    /// Vectors this job stored.
    public var embedded = 0
    /// The namespace's chunks still without a vector when the job ended.
    public var remaining: Int?
    /// Why it failed.
    public var error: String?

    /// Creates a progress report.
    public init(status: Status, model: String? = nil, embedded: Int = 0, remaining: Int? = nil, error: String? = nil) {
        self.status = status
        self.model = model
        self.embedded = embedded
        self.remaining = remaining
        self.error = error
    }

    /// Reads a report written by ``json``.
    public init?(json: JSONValue) {
        guard let status = json["status"]?.stringValue.flatMap(Status.init(rawValue:)) else { return nil }
        self.init(status: status, model: json["model"]?.stringValue, embedded: json["embedded"]?.intValue ?? 0,
                  remaining: json["remaining"]?.intValue, error: json["error"]?.stringValue)
    }

    /// The report as a job records it.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["status": .string(status.rawValue), "embedded": .number(Double(embedded))]
        if let model { o["model"] = .string(model) }
        if let remaining { o["remaining"] = .number(Double(remaining)) }
        if let error { o["error"] = .string(error) }
        if status == .off { o["note"] = "no embedding model is configured: retrieval is lexical only" }
        return .object(o)
    }
}
