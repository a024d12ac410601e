import AviaryCore
/// Why the conversation layer refused a request; each case has the API's error code.
public enum ConversationError: Error, Sendable, CustomStringConvertible {
    /// No such conversation in the tenant.
    case unknownConversation(String)
    /// No such workflow in the project.
    case unknownWorkflow(String)
    /// The workflow has no `hil_config`.
    case notConversational(String)
    /// No such human agent in the tenant.
    case unknownAgent(String)
    /// The caller acts as no human agent (operators are linked to one by its `principal`).
    case noAgentForCaller(String)
    /// The agent cannot take the conversation: offline, away, at capacity or lacking skills.
    case agentUnavailable(String)
    /// Another human agent of the tenant has the email.
    case emailTaken(String)
    /// Another human agent of the tenant acts for the principal.
    case principalTaken(String)
    /// The request is malformed.
    case invalidInput(String)
    /// The state machine refused the change.
    case transition(ConversationTransitionError)

    /// The API's error code.
    public var code: String {
        switch self {
        case .unknownConversation: "unknown_conversation"
        case .unknownWorkflow: "unknown_workflow"
        case .notConversational: "not_conversational"
        case .unknownAgent: "unknown_agent"
        case .noAgentForCaller: "no_human_agent"
        case .agentUnavailable: "agent_unavailable"
        case .emailTaken: "email_taken"
        case .principalTaken: "principal_taken"
        case .invalidInput: "invalid_input"
        case .transition(let e): e.code.rawValue
        }
    }

    public var description: String {
        switch self {
        case .unknownConversation(let id): "conversation \(id) not found"
        case .unknownWorkflow(let name): "no workflow named '\(name)' in the project"
        case .notConversational(let name): "workflow '\(name)' has no hil_config, so it does not answer conversations; add one (docs/conversations.md)"
        case .unknownAgent(let id): "human agent \(id) not found"
        case .noAgentForCaller(let principal): "principal \(principal) acts as no human agent; link one with its principal field, or name agent_id as an admin"
        case .emailTaken(let email): "a human agent with the email \(email) exists already"
        case .principalTaken(let principal): "another human agent acts for the principal \(principal) already; a principal acts as one agent"
        case .agentUnavailable(let why), .invalidInput(let why): why
        case .transition(let e): e.message
        }
    }
}
