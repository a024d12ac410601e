/// `node.retrying`: a workflow node's attempt failed and its retry policy tries again after a delay.
public struct NodeRetryingEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.nodeRetrying
    public static let fields = ["node", "attempt", "error", "delay_ms"]
    public static let optionalFields: Set<String> = []
    public static let debugOnlyFields: Set<String> = []

    /// The node's id.
    public var node: String
    /// The attempt that failed, from 1.
    public var attempt: Int
    /// Why it failed.
    public var error: String
    /// The wait before the next attempt, in milliseconds.
    public var delayMS: Double

    /// Creates the payload.
    public init(node: String, attempt: Int, error: String, delayMS: Double) {
        self.node = node
        self.attempt = attempt
        self.error = error
        self.delayMS = delayMS
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(node: try r.string("node"), attempt: try r.optionalInt("attempt") ?? 1, error: try r.optionalString("error") ?? "",
                  delayMS: try r.optionalNumber("delay_ms") ?? 0)
    }

    public var data: JSONValue {
        .object(["node": .string(node), "attempt": .number(Double(attempt)), "error": .string(error), "delay_ms": .number(delayMS)])
    }
}
