/// `checkpoint`: a durable checkpoint of a run. Reserved: the runtime never produces it (the journal is the checkpoint), so it has no fields; its data is kept as given.
public struct CheckpointEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.checkpoint
    public static let fields: [String] = []

    /// The event's data, unread (any JSON object).
    public var raw: [String: JSONValue]

    /// Creates the payload.
    public init(raw: [String: JSONValue] = [:]) { self.raw = raw }

    public init(data: JSONValue) throws(RunEventDataError) {
        self.init(raw: try RunEventDataReader(data, Self.kind).object)
    }

    public var data: JSONValue { .object(raw) }
}
