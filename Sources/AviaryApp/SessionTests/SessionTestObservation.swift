import AviaryCore

/// What one case's turn produced, as the report shows it and the expectations check it: the
/// request, the `/chat` response, the session's transcripts and the files in its workspace.
public struct SessionTestObservation: Sendable, Hashable {
    /// Where the question went: a `/chat` URL, or how it ran in-process (`in-process (replay of …)`).
    public var chatURL: String
    /// The user who asked.
    public var userID: String
    /// The session asked to continue (`nil`: a new one).
    public var requestedSessionID: String?
    /// The question.
    public var question: String
    /// The `/chat` response body (`sessionId`, `response`, `runId`, `metadata`), or an error body.
    public var response: JSONValue
    /// The answer text.
    public var answer: String
    /// The session the turn ran in, when it got that far.
    public var sessionID: String?
    /// The agent that answered (its conversation comes first).
    public var agent: String
    /// Every agent's transcript in the session.
    public var conversations: [SessionConversation]
    /// The files in the session workspace after the turn, by path.
    public var files: [SessionFile]
    /// Why the turn did not complete (a failed run, an HTTP error), or `nil`.
    public var failure: String?

    /// Creates an observation.
    public init(chatURL: String, userID: String, requestedSessionID: String?, question: String, response: JSONValue = .object([:]),
                answer: String = "", sessionID: String? = nil, agent: String, conversations: [SessionConversation] = [],
                files: [SessionFile] = [], failure: String? = nil) {
        self.chatURL = chatURL
        self.userID = userID
        self.requestedSessionID = requestedSessionID
        self.question = question
        self.response = response
        self.answer = answer
        self.sessionID = sessionID
        self.agent = agent
        self.conversations = conversations
        self.files = files
        self.failure = failure
    }

    /// The tool calls of this turn (every agent's), in transcript order.
    public var turnToolCalls: [ToolCall] { conversations.flatMap { $0.turnMessages.flatMap(\.toolCalls) } }

    /// The names of the tools called in this turn.
    public var toolsCalled: [String] { turnToolCalls.map(\.name) }

    /// The agents this turn delegated to: tool calls naming an agent that has a transcript.
    public var agentsDelegated: [String] {
        let agents = Set(conversations.map(\.agent))
        var seen: [String] = []
        for name in toolsCalled where agents.contains(name) && !seen.contains(name) { seen.append(name) }
        return seen
    }
}

/// One agent's transcript in a session.
public struct SessionConversation: Sendable, Hashable {
    /// The agent.
    public var agent: String
    /// Its messages, oldest first (earlier turns of a continued session included).
    public var messages: [Message]
    /// How many of ``messages`` were there before this turn.
    public var earlier: Int

    /// Creates a conversation.
    public init(agent: String, messages: [Message], earlier: Int = 0) {
        self.agent = agent
        self.messages = messages
        self.earlier = earlier
    }

    /// The messages this turn added.
    public var turnMessages: ArraySlice<Message> { messages.dropFirst(min(earlier, messages.count)) }
}

/// A file in a session workspace, with the start of its text.
public struct SessionFile: Sendable, Hashable {
    /// The path relative to the workspace.
    public var path: String
    /// Its size in bytes.
    public var size: Int
    /// Its first 100 characters (binary files: empty).
    public var preview: String

    /// Creates a file entry.
    public init(path: String, size: Int, preview: String) {
        self.path = path
        self.size = size
        self.preview = preview
    }
}
