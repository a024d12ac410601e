/// `approval.denied`: the resumed run read a rejection of a pending tool call; the model gets a tool error naming who rejected it and why.
public struct ApprovalDeniedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.approvalDenied
    public static let fields = ["step", "tool", "call_id", "by", "reason"]
    public static let optionalFields: Set<String> = ["reason"]

    /// The approval's journal step key (`turn/N/tool/<call id>/approval`).
    public var step: String
    /// The tool of the pending call.
    public var tool: String
    /// The pending call's id.
    public var callID: String
    /// Who rejected (their principal).
    public var by: String
    /// Why, as they said; left out when they gave no reason.
    public var reason: String?

    /// Creates the payload.
    public init(step: String, tool: String, callID: String, by: String, reason: String? = nil) {
        self.step = step
        self.tool = tool
        self.callID = callID
        self.by = by
        self.reason = reason
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(step: try r.string("step"), tool: try r.string("tool"), callID: try r.string("call_id"), by: try r.string("by"),
                  reason: try r.optionalString("reason"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 5)
        o["step"] = .string(step)
        o["tool"] = .string(tool)
        o["call_id"] = .string(callID)
        o["by"] = .string(by)
        if let reason { o["reason"] = .string(reason) }
        return .object(o)
    }
}
