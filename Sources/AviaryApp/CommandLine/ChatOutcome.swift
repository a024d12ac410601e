import AviaryCore
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
    /// Whether the run completed (then `response` is its answer).
    public let completed: Bool
    /// The answer (empty when the run did not complete).
    public let response: String
    /// Why the run did not complete, when it did not.
    public let error: String?
    /// Tokens in and out, and the cost in USD.
    public let inputTokens: Int, outputTokens: Int, costUSD: Double

    init(_ result: ChatResult) {
        sessionID = result.session.id
        runID = result.run.id.rawValue
        status = result.run.status.rawValue
        completed = result.run.status == .completed
        response = result.response
        error = result.run.error
        inputTokens = result.run.usage.inputTokens
        outputTokens = result.run.usage.outputTokens
        costUSD = result.run.usage.costUSD
    }

    /// Tokens in and out together.
    public var totalTokens: Int { inputTokens + outputTokens }

    /// Seed 000's `/chat` response shape plus `runId` and `status`, as one line of JSON.
    public var json: String {
        let value: JSONValue = [
            "sessionId": .string(sessionID), "response": .string(response), "runId": .string(runID), "status": .string(status),
            "metadata": ["input_tokens": .number(Double(inputTokens)), "output_tokens": .number(Double(outputTokens)),
                         "total_tokens": .number(Double(totalTokens)), "cost_usd": .number(costUSD)],
        ]
        return value.jsonString
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
