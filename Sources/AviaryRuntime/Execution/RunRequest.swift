import AviaryCore
import Foundation

/// What to run: an agent, its input, and who asks.
public struct RunRequest: Sendable {
    /// The agent's name.
    public var agent: String
    /// The input; `{"question": "…"}` for a chat question.
    public var input: JSONValue
    /// Owning tenant (default `default`).
    public var tenant: String
    /// The principal starting the run (default `local`).
    public var principal: String
    /// The session this run belongs to, if any.
    public var sessionID: String?
    /// A run id to use (default: random).
    public var runID: RunID?

    /// Creates a request.
    public init(agent: String, input: JSONValue, tenant: String = "default", principal: String = "local",
                sessionID: String? = nil, runID: RunID? = nil) {
        self.agent = agent
        self.input = input
        self.tenant = tenant
        self.principal = principal
        self.sessionID = sessionID
        self.runID = runID
    }

    /// A chat question for an agent.
    public static func question(_ text: String, agent: String) -> RunRequest {
        RunRequest(agent: agent, input: ["question": .string(text)])
    }
}

/// One chat turn in a session (seed 000's `POST /chat`).
public struct ChatRequest: Sendable {
    /// The end user.
    public var userID: String
    /// The question.
    public var question: String
    /// An existing session; unknown or foreign ids start a new session.
    public var sessionID: String?
    /// The agent that answers (the router).
    public var agent: String
    /// Owning tenant.
    public var tenant: String
    /// The principal asking.
    public var principal: String
    /// The id for the turn's run (default: random).
    public var runID: RunID?

    /// Creates a chat request.
    public init(userID: String, question: String, sessionID: String? = nil, agent: String, tenant: String = "default",
                principal: String = "local", runID: RunID? = nil) {
        self.runID = runID
        self.userID = userID
        self.question = question
        self.sessionID = sessionID
        self.agent = agent
        self.tenant = tenant
        self.principal = principal
    }
}

/// The outcome of a chat turn.
public struct ChatResult: Sendable {
    /// The session (new or continued).
    public var session: SessionRecord
    /// The run that answered.
    public var run: RunRecord
    /// The answer text (empty when the run did not complete).
    public var response: String
}
