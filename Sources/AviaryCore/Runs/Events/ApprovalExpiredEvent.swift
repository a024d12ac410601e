/// `approval.expired`: the resumed run read that its pending request expired unanswered (answered
/// by `system`); by ``onExpiry`` the model is told (`reject`), the run fails (`fail`), or the
/// request's default answer is taken (`default`).
public struct ApprovalExpiredEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.approvalExpired
    public static let fields = ["step", "tool", "call_id", "by", "reason", "answer", "on_expiry"]
    public static let optionalFields: Set<String> = ["tool", "call_id", "reason", "answer"]

    /// The request's journal step key (`turn/N/tool/<call id>/approval` for a tool call's).
    public var step: String
    /// The tool of the pending call; `nil` when the request is not a tool call's (a program's interrupt).
    public var tool: String?
    /// The pending call's id; `nil` when the request is not a tool call's.
    public var callID: String?
    /// Who answered: `system` for the expiry service.
    public var by: String
    /// How long the request waited, in words; left out when the answer has no reason.
    public var reason: String?
    /// The default answer taken (`on_expiry: default`); left out otherwise.
    public var answer: JSONValue?
    /// What the expiry does to the run (`nil` only when missing from the data).
    public var onExpiry: ApprovalExpiry?

    /// Creates the payload.
    public init(step: String, tool: String? = nil, callID: String? = nil, by: String, reason: String? = nil, answer: JSONValue? = nil, onExpiry: ApprovalExpiry?) {
        self.step = step
        self.tool = tool
        self.callID = callID
        self.by = by
        self.reason = reason
        self.answer = answer
        self.onExpiry = onExpiry
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        let answer = r.json("answer")
        self.init(step: try r.string("step"), tool: try r.optionalString("tool"), callID: try r.optionalString("call_id"),
                  by: try r.string("by"), reason: try r.optionalString("reason"), answer: answer.isNull ? JSONValue?.none : answer,
                  onExpiry: try r.optionalEnum("on_expiry", ApprovalExpiry.self))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 7)
        o["step"] = .string(step)
        if let tool { o["tool"] = .string(tool) }
        if let callID { o["call_id"] = .string(callID) }
        o["by"] = .string(by)
        if let reason { o["reason"] = .string(reason) }
        if let answer { o["answer"] = answer }
        if let onExpiry { o["on_expiry"] = .string(onExpiry.rawValue) }
        return .object(o)
    }
}
