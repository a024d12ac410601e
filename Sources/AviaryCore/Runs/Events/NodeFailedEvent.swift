/// `node.failed`: a workflow node's last attempt failed (the run fails, or follows the node's error edge).
public struct NodeFailedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.nodeFailed
    public static let fields = ["node", "attempt", "duration_ms", "error"]
    public static let optionalFields: Set<String> = []
    public static let debugOnlyFields: Set<String> = []

    /// The node's id.
    public var node: String
    /// The attempt that failed, from 1.
    public var attempt: Int
    /// How long the attempt took, in milliseconds.
    public var durationMS: Double
    /// What went wrong.
    public var error: String

    /// Creates the payload.
    public init(node: String, attempt: Int, durationMS: Double, error: String) {
        self.node = node
        self.attempt = attempt
        self.durationMS = durationMS
        self.error = error
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(node: try r.string("node"), attempt: try r.optionalInt("attempt") ?? 1,
                  durationMS: try r.optionalNumber("duration_ms") ?? 0, error: try r.optionalString("error") ?? "")
    }

    public var data: JSONValue {
        .object(["node": .string(node), "attempt": .number(Double(attempt)), "duration_ms": .number(durationMS), "error": .string(error)])
    }
}
