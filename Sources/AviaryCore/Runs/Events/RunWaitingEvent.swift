/// `run.waiting`: the execution stopped to wait for a person (an approval); an answer resumes the run.
public struct RunWaitingEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.runWaiting
    public static let fields = ["reason"]

    /// What the run waits for (`nil` only when missing from the data).
    public var reason: String?

    /// Creates the payload.
    public init(reason: String?) { self.reason = reason }

    public init(data: JSONValue) throws(RunEventDataError) {
        self.init(reason: try RunEventDataReader(data, Self.kind).optionalString("reason"))
    }

    public var data: JSONValue {
        guard let reason else { return .object([:]) }
        return .object(["reason": .string(reason)])
    }
}
