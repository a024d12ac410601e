/// `guardrail.verdict`: a guardrail's verdict on a model input or output. Reserved: the runtime never produces it yet (guardrails are not a step hook yet), so it has no fields; its data is kept as given until the guardrail hook defines them.
public struct GuardrailVerdictEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.guardrailVerdict
    public static let fields: [String] = []

    /// The event's data, unread (any JSON object).
    public var raw: [String: JSONValue]

    /// Creates the payload.
    public init(raw: [String: JSONValue] = [:]) { self.raw = raw }

    public init(data: JSONValue) throws(RunEventDataError) {
        self.init(raw: try RunEventDataReader(data, Self.kind).object)
    }

    public var data: JSONValue { .object(raw) }
}
