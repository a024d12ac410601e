/// `approval.expired`: the resumed run read that a pending tool call's approval request expired
/// unanswered (answered by `system`); by ``onExpiry`` the model is told (`reject`) or the run fails (`fail`).
public struct ApprovalExpiredEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.approvalExpired
    public static let fields = ["step", "tool", "call_id", "by", "reason", "on_expiry"]
    public static let optionalFields: Set<String> = ["reason"]

    /// The approval's journal step key (`turn/N/tool/<call id>/approval`).
    public var step: String
    /// The tool of the pending call.
    public var tool: String
    /// The pending call's id.
    public var callID: String
    /// Who answered: `system` for the expiry service.
    public var by: String
    /// How long the request waited, in words; left out when the answer has no reason.
    public var reason: String?
    /// What the expiry does to the run (`nil` only when missing from the data).
    public var onExpiry: ApprovalExpiry?

    /// Creates the payload.
    public init(step: String, tool: String, callID: String, by: String, reason: String? = nil, onExpiry: ApprovalExpiry?) {
        self.step = step
        self.tool = tool
        self.callID = callID
        self.by = by
        self.reason = reason
        self.onExpiry = onExpiry
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(step: try r.string("step"), tool: try r.string("tool"), callID: try r.string("call_id"), by: try r.string("by"),
                  reason: try r.optionalString("reason"), onExpiry: try r.optionalEnum("on_expiry", ApprovalExpiry.self))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 6)
        o["step"] = .string(step)
        o["tool"] = .string(tool)
        o["call_id"] = .string(callID)
        o["by"] = .string(by)
        if let reason { o["reason"] = .string(reason) }
        if let onExpiry { o["on_expiry"] = .string(onExpiry.rawValue) }
        return .object(o)
    }
}
