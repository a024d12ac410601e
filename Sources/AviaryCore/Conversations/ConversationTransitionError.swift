/// A change the conversation state machine refuses, and why.
public struct ConversationTransitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal (the API's error code).
    public enum Code: String, Sendable, Hashable {
        /// An AI turn of the conversation is still running.
        case busy = "conversation_busy"
        /// The change does not apply in the conversation's state.
        case invalidTransition = "invalid_transition"
        /// Only the assigned human agent may do this.
        case notAssigned = "not_assigned"
    }

    /// The kind of refusal.
    public var code: Code
    /// What was refused, naming the state.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
