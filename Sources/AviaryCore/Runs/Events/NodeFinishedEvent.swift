/// `node.finished`: a workflow node completed with an output.
public struct NodeFinishedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.nodeFinished
    public static let fields = ["node", "attempt", "duration_ms", "output"]
    public static let optionalFields: Set<String> = []
    public static let debugOnlyFields: Set<String> = ["output"]

    /// The node's id.
    public var node: String
    /// The attempt that completed, from 1.
    public var attempt: Int
    /// How long the attempt took, in milliseconds.
    public var durationMS: Double
    /// The node's output.
    public var output: JSONValue

    /// Creates the payload.
    public init(node: String, attempt: Int, durationMS: Double, output: JSONValue) {
        self.node = node
        self.attempt = attempt
        self.durationMS = durationMS
        self.output = output
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(node: try r.string("node"), attempt: try r.optionalInt("attempt") ?? 1,
                  durationMS: try r.optionalNumber("duration_ms") ?? 0, output: r.json("output"))
    }

    public var data: JSONValue {
        .object(["node": .string(node), "attempt": .number(Double(attempt)), "duration_ms": .number(durationMS), "output": output])
    }
}
