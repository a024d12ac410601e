/// A workflow's `hil_config` (seed 003): what makes a conversation the workflow answers go to a
/// person, and how the conversation layer reads the workflow's runs. Only a workflow with one can
/// answer conversations.
public struct HILConfig: Sendable {
    /// `confidence_threshold`: hand over when the confidence `path` finds is below `threshold`.
    public struct ConfidenceTrigger: Sendable {
        /// The lowest confidence the AI may answer with, from 0 to 1.
        public var threshold: Double
        /// Where the confidence is: JMESPath over the run's scope (`input`, `nodes.<id>.output`,
        /// each node as `<id>.output`, `result`, `sink`). Default: the lowest `confidence` of any node's output.
        public var path: JMESPath

        /// Creates a trigger.
        public init(threshold: Double, path: JMESPath) {
            self.threshold = threshold
            self.path = path
        }
    }

    /// The SLA of the queue (`sla:`).
    public struct SLA: Sendable {
        /// How long a conversation may wait for a person before `hil.sla_breached`, in seconds.
        public var pendingSeconds: Double
        /// On a breach, let any agent with the `general` skill take it.
        public var widenToGeneral: Bool

        /// Creates an SLA.
        public init(pendingSeconds: Double, widenToGeneral: Bool) {
            self.pendingSeconds = pendingSeconds
            self.widenToGeneral = widenToGeneral
        }
    }

    /// `enabled: false` keeps the configuration but answers conversations with the AI only.
    public var enabled: Bool
    /// The `confidence_threshold` trigger.
    public var confidence: ConfidenceTrigger?
    /// The `explicit_request` trigger's patterns (`nil`: the trigger is off).
    public var explicitPatterns: [String]?
    /// The `agent_decision` trigger: reaching a `HANDOVER` sink hands over.
    public var agentDecision: Bool
    /// The `error_threshold` trigger: this many failed AI turns in a row hand over.
    public var errorThreshold: Int?
    /// The queue's SLA.
    public var sla: SLA?
    /// What the user reads after an AI turn: JMESPath over the run's scope. Default: the sink's result.
    public var reply: JMESPath?
    /// What the user reads when the conversation goes to a person.
    public var handoverMessage: String

    /// The default confidence path: the lowest `confidence` among the node outputs.
    public static let defaultConfidencePath = "min(values(nodes)[].output.confidence)"
    /// The default handover message.
    public static let defaultHandoverMessage = "I'm passing you to a member of our team, who will reply here shortly."

    /// Creates a configuration.
    public init(enabled: Bool = true, confidence: ConfidenceTrigger? = nil, explicitPatterns: [String]? = nil, agentDecision: Bool = false,
                errorThreshold: Int? = nil, sla: SLA? = nil, reply: JMESPath? = nil, handoverMessage: String = HILConfig.defaultHandoverMessage) {
        self.enabled = enabled
        self.confidence = confidence
        self.explicitPatterns = explicitPatterns
        self.agentDecision = agentDecision
        self.errorThreshold = errorThreshold
        self.sla = sla
        self.reply = reply
        self.handoverMessage = handoverMessage
    }
}
