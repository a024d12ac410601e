/// `run.interrupted`: the execution stopped at a step boundary (graceful shutdown) or its task was cancelled; the run is resumable.
public struct RunInterruptedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.runInterrupted
    public static let fields = ["error"]

    /// What stopped it (`nil` only when missing from the data).
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
