/// `run.failed`: the run failed (final).
public struct RunFailedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.runFailed
    public static let fields = ["error"]

    /// Why, as callers may see it (`nil` only when missing from the data).
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
