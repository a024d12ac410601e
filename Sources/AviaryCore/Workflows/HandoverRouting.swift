/// Where a `HANDOVER` sink sends a conversation: the skills an agent needs and its place in the
/// queue, each a template over the run's scope (seed 003 computes `required_skills` from the
/// intent: `"{{ classify_intent.output.intent == 'return_request' && ['returns'] || ['general'] }}"`).
public struct HandoverRouting: Sendable {
    /// The skills (a list of strings, or one string); `nil` or an empty result: `general`.
    public var requiredSkills: ValueTemplate?
    /// The queue priority (a whole number, higher first); `nil`: 0.
    public var priority: ValueTemplate?

    /// Creates a routing.
    public init(requiredSkills: ValueTemplate? = nil, priority: ValueTemplate? = nil) {
        self.requiredSkills = requiredSkills
        self.priority = priority
    }
}
