/// `approval.granted`: the resumed run read an approval of its pending request: a tool call runs
/// next (once), or a program goes on with the input's answer.
public struct ApprovalGrantedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.approvalGranted
    public static let fields = ["step", "tool", "call_id", "by", "reason", "answer"]
    public static let optionalFields: Set<String> = ["tool", "call_id", "reason", "answer"]

    /// The request's journal step key (`turn/N/tool/<call id>/approval` for a tool call's).
    public var step: String
    /// The tool of the pending call; `nil` when the request is not a tool call's (a program's interrupt).
    public var tool: String?
    /// The pending call's id; `nil` when the request is not a tool call's.
    public var callID: String?
    /// Who approved (their principal).
    public var by: String
    /// Why, as they said; left out when they gave no reason.
    public var reason: String?
    /// The input's answer value (input requests); left out for approvals.
    public var answer: JSONValue?

    /// Creates the payload.
    public init(step: String, tool: String? = nil, callID: String? = nil, by: String, reason: String? = nil, answer: JSONValue? = nil) {
        self.step = step
        self.tool = tool
        self.callID = callID
        self.by = by
        self.reason = reason
        self.answer = answer
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        let answer = r.json("answer")
        self.init(step: try r.string("step"), tool: try r.optionalString("tool"), callID: try r.optionalString("call_id"),
                  by: try r.string("by"), reason: try r.optionalString("reason"), answer: answer.isNull ? JSONValue?.none : answer)
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 7)
        o["step"] = .string(step)
        if let tool { o["tool"] = .string(tool) }
        if let callID { o["call_id"] = .string(callID) }
        o["by"] = .string(by)
        if let reason { o["reason"] = .string(reason) }
        if let answer { o["answer"] = answer }
        return .object(o)
    }
}
