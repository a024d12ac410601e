/// `node.skipped`: none of a workflow node's incoming edges was taken (or its guard was false), so
/// it does not run; its outgoing edges are not taken either.
public struct NodeSkippedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.nodeSkipped
    public static let fields = ["node", "reason"]
    public static let optionalFields: Set<String> = []
    public static let debugOnlyFields: Set<String> = []

    /// The node's id.
    public var node: String
    /// Why it is skipped.
    public var reason: String

    /// Creates the payload.
    public init(node: String, reason: String) {
        self.node = node
        self.reason = reason
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(node: try r.string("node"), reason: try r.optionalString("reason") ?? "")
    }

    public var data: JSONValue { .object(["node": .string(node), "reason": .string(reason)]) }
}
