/// `node.progress`: a `map` node finished one more of its elements.
public struct NodeProgressEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.nodeProgress
    public static let fields = ["node", "done", "total", "failed"]
    public static let optionalFields: Set<String> = []
    public static let debugOnlyFields: Set<String> = []

    /// The node's id.
    public var node: String
    /// Elements finished so far (failed ones included).
    public var done: Int
    /// Elements in all.
    public var total: Int
    /// Elements that failed so far.
    public var failed: Int

    /// Creates the payload.
    public init(node: String, done: Int, total: Int, failed: Int) {
        self.node = node
        self.done = done
        self.total = total
        self.failed = failed
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(node: try r.string("node"), done: try r.optionalInt("done") ?? 0, total: try r.optionalInt("total") ?? 0,
                  failed: try r.optionalInt("failed") ?? 0)
    }

    public var data: JSONValue {
        .object(["node": .string(node), "done": .number(Double(done)), "total": .number(Double(total)), "failed": .number(Double(failed))])
    }
}
