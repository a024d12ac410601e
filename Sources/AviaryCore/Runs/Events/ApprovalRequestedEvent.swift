/// `approval.requested`: a run waits for a person — the approval of a tool call (or of a program's
/// pending action), or an input; the run stops in `waiting`.
public struct ApprovalRequestedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.approvalRequested
    public static let fields = ["step", "request"]

    /// The request's journal step key (`turn/N/tool/<call id>/approval` for a tool call's).
    public var step: String
    /// The request: its kind, the pending action with its full arguments (a tool call's), the
    /// answer schema (input), who may decide, and its expiry.
    /// Its dates are written to the second (ISO 8601).
    public var request: ApprovalRequest

    /// Creates the payload.
    public init(step: String, request: ApprovalRequest) {
        self.step = step
        self.request = request
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        let step = try r.string("step")
        let json = r.json("request")
        guard !json.isNull else { throw .missing("request", in: Self.kind) }
        guard let request = ApprovalRequest(json: json) else {
            throw .wrongType("request", in: Self.kind, expected: "an approval request", found: json.typeName)
        }
        self.init(step: step, request: request)
    }

    public var data: JSONValue { .object(["step": .string(step), "request": request.json]) }
}
