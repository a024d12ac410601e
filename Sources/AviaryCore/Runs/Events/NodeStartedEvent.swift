/// `node.started`: a workflow node's attempt began.
public struct NodeStartedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.nodeStarted
    public static let fields = ["node", "type", "attempt"]
    public static let optionalFields: Set<String> = []
    public static let debugOnlyFields: Set<String> = []

    /// The node's id.
    public var node: String
    /// The node's type (`agent`, `tool`, `transform`, `approval`, `human_input`, `workflow`, `map`, `sink`).
    public var type: String
    /// The attempt, from 1.
    public var attempt: Int

    /// Creates the payload.
    public init(node: String, type: String, attempt: Int) {
        self.node = node
        self.type = type
        self.attempt = attempt
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(node: try r.string("node"), type: try r.optionalString("type") ?? "", attempt: try r.optionalInt("attempt") ?? 1)
    }

    public var data: JSONValue {
        .object(["node": .string(node), "type": .string(type), "attempt": .number(Double(attempt))])
    }
}
