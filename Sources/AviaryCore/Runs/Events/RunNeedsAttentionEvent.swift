/// `run.needs_attention`: the run stopped at a step a person must decide (retry, skip with a value, fail); resumable.
public struct RunNeedsAttentionEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.runNeedsAttention
    public static let fields = ["error"]

    /// Which step, and how to decide (`nil` only when missing from the data).
    public var error: String?

    /// Creates the payload.
    public init(error: String?) { self.error = error }

    public init(data: JSONValue) throws(RunEventDataError) {
        self.init(error: try RunEventDataReader(data, Self.kind).optionalString("error"))
    }

    public var data: JSONValue {
        guard let error else { return .object([:]) }
        return .object(["error": .string(error)])
    }
}
