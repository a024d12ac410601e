import ArgumentParser
import AviaryApp
import AviaryCore
import AviaryRuntime
import Foundation

/// `aviary chat "<question>"`: one turn of a session.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Ask the project's agents a question (one turn).")

    @Argument(help: "The question.")
    var question: String

    @OptionGroup var options: ProjectOptions

    @Option(help: "The agent that answers. Default: aviary.yaml's default_agent, else 'router'.")
    var agent: String?

    @Option(help: "Continue this session (unknown ids start a new one).")
    var session: String?

    @Option(help: "The end user's id.")
    var user: String = "cli"

    @Flag(name: .shortAndLong, help: "Print tool calls and delegations as they happen.")
    var verbose = false

    @Flag(help: "Print the result as JSON (sessionId, response, metadata, runId, status).")
    var json = false

    func run() async throws {
        try await failing {
            let config = try options.configuration(agent: agent)
            let sink = ConsoleEventSink(verbose: verbose)
            let appOptions = AviaryApplication.Options(sink: sink, progress: { printError($0) })
            let verbose = self.verbose, json = self.json, question = self.question, session = self.session, user = self.user
            let result = try await AviaryApplication.with(config, options: appOptions) { app in
                let agent = try app.project.chatAgent(config.defaultAgent)
                return try await app.runtime.chat(ChatRequest(userID: user, question: question, sessionID: session,
                                                              agent: agent.name, tenant: config.tenant))
            }
            let usage = result.run.usage
            if json {
                let out: JSONValue = [
                    "sessionId": .string(result.session.id), "response": .string(result.response), "runId": .string(result.run.id.rawValue),
                    "status": .string(result.run.status.rawValue),
                    "metadata": ["input_tokens": .number(Double(usage.inputTokens)), "output_tokens": .number(Double(usage.outputTokens)),
                                 "total_tokens": .number(Double(usage.totalTokens)), "cost_usd": .number(usage.costUSD)],
                ]
                print(out.jsonString)
            } else if result.run.status == .completed {
                print(result.response)
            }
            if verbose || result.run.status != .completed {
                printError("session \(result.session.id) · run \(result.run.id) · \(result.run.status.rawValue) · \(usage.totalTokens) tokens · $\(String(format: "%.6f", usage.costUSD))")
            }
            if result.run.status != .completed {
                printError("error: \(result.run.error ?? "the run did not complete")")
                throw ExitCode.failure
            }
        }
    }
}
