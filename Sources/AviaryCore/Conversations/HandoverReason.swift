/// Why a conversation went to a person (`hil_reason`): one of `hil_config`'s handover triggers.
public enum HandoverReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// A node output's confidence was below the threshold.
    case confidenceThreshold = "confidence_threshold"
    /// The user asked for a person ("speak to a human").
    case explicitRequest = "explicit_request"
    /// The workflow reached its `HANDOVER` sink.
    case agentDecision = "agent_decision"
    /// Too many AI turns in a row failed.
    case errorThreshold = "error_threshold"
}
