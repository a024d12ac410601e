/// `run.cancelled`: the run was cancelled (final).
public struct RunCancelledEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.runCancelled
    public static let fields = ["reason"]
    public static let optionalFields: Set<String> = ["reason"]

    /// Why; given only when a run that was not executing is cancelled.
    public var reason: String?

    /// Creates the payload.
    public init(reason: String? = nil) { self.reason = reason }

    public init(data: JSONValue) throws(RunEventDataError) {
        self.init(reason: try RunEventDataReader(data, Self.kind).optionalString("reason"))
    }

    public var data: JSONValue {
        guard let reason else { return .object([:]) }
        return .object(["reason": .string(reason)])
    }
}
