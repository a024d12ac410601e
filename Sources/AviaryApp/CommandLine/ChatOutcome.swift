import AviaryCore
import AviaryHTTP
import AviaryRuntime

/// One chat turn's result as the CLI shows it: the answer, the session and run it belongs to, and
/// what it cost.
public struct ChatOutcome: Sendable {
    /// The session (new or continued).
    public let sessionID: String
    /// The run that answered.
    public let runID: String
    /// The run's status (`completed`, `failed`, `needs_attention`, …).
    public let status: String
    /// The answer (empty when the run did not complete).
    public let response: String
    /// Why the run did not complete, when it did not.
    public let error: String?
    /// What the run used.
    private let usage: Usage

    init(_ result: ChatResult) {
        sessionID = result.session.id
        runID = result.run.id.rawValue
        status = result.run.status.rawValue
        response = result.response
        error = result.run.error
        usage = result.run.usage
    }

    /// Whether the run completed (then `response` is its answer).
    public var completed: Bool { status == RunStatus.completed.rawValue }
    /// Tokens in and out together.
    public var totalTokens: Int { usage.totalTokens }
    /// The cost in USD.
    public var costUSD: Double { usage.costUSD }

    /// Seed 000's `/chat` response shape (the HTTP API's encoding) plus `status`, as one line of JSON.
    public var json: String { value.jsonString }

    /// Seed 000's `/chat` response shape (the HTTP API's encoding) plus `status`.
    public var value: JSONValue {
        ["sessionId": .string(sessionID), "response": .string(response), "runId": .string(runID),
         "status": .string(status), "metadata": usage.wire]
    }
}

extension AviaryApplication {
    /// One chat turn (`aviary chat`): the configuration's default agent answers `question` in a
    /// new or continued session of `user`.
    public static func chat(_ configuration: AviaryConfiguration, question: String, session: String?,
                            user: String, options: Options) async throws -> ChatOutcome {
        let result = try await with(configuration, options: options) { app in
            let chosen = try app.project.chatAgent(configuration.defaultAgent)
            return try await app.runtime.chat(ChatRequest(userID: user, question: question, sessionID: session,
                                                          agent: chosen.name, tenant: configuration.tenant))
        }
        return ChatOutcome(result)
    }
}
