/// What a human agent is told when a conversation is handed over: a summary of the conversation
/// so far, the intent, the skills it needs, the confidence and the AI run's outputs.
public struct HandoverContext: Sendable, Hashable {
    /// Why it was handed over.
    public var reason: HandoverReason
    /// The conversation so far, in a few lines.
    public var summary: String
    /// The intent the AI found, when a node output carries one.
    public var intent: String?
    /// The skills an agent needs to take it.
    public var requiredSkills: [String]
    /// The AI's confidence, when known.
    public var confidence: Double?
    /// The AI run's node outputs.
    public var outputs: JSONValue
    /// The AI run it came from.
    public var runID: String?

    /// Creates a context.
    public init(reason: HandoverReason, summary: String, intent: String? = nil, requiredSkills: [String], confidence: Double? = nil,
                outputs: JSONValue = .object([:]), runID: String? = nil) {
        self.reason = reason
        self.summary = summary
        self.intent = intent
        self.requiredSkills = requiredSkills
        self.confidence = confidence
        self.outputs = outputs
        self.runID = runID
    }

    /// The context as stored and served (`handover_context`).
    public var json: JSONValue {
        var o: [String: JSONValue] = ["reason": .string(reason.rawValue), "summary": .string(summary),
                                      "required_skills": .array(requiredSkills.map(JSONValue.string)), "outputs": outputs,
                                      "intent": intent.map(JSONValue.string) ?? .null, "confidence": confidence.map(JSONValue.number) ?? .null,
                                      "run_id": runID.map(JSONValue.string) ?? .null]
        return .object(o)
    }

    /// Reads a stored context; `nil` when it is not one.
    public init?(json: JSONValue?) {
        guard let o = json?.objectValue, let reason = o["reason"]?.stringValue.flatMap(HandoverReason.init(rawValue:)) else { return nil }
        self.init(reason: reason, summary: o["summary"]?.stringValue ?? "", intent: o["intent"]?.stringValue,
                  requiredSkills: o["required_skills"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                  confidence: o["confidence"]?.numberValue, outputs: o["outputs"] ?? .object([:]), runID: o["run_id"]?.stringValue)
    }
}
