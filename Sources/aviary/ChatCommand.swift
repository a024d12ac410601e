import ArgumentParser
import AviaryApp
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
            let appOptions = AviaryApplication.Options(sink: ConsoleEventPrinter(verbose: verbose, write: { printError($0) }),
                                                       progress: { printError($0) })
            let outcome = try await AviaryApplication.chat(config, question: question, session: session, user: user, options: appOptions)
            if json {
                print(outcome.json)
            } else if outcome.completed {
                print(outcome.response)
            }
            if verbose || !outcome.completed {
                printError("session \(outcome.sessionID) · run \(outcome.runID) · \(outcome.status) · \(outcome.totalTokens) tokens · $\(String(format: "%.6f", outcome.costUSD))")
            }
            if outcome.status == "waiting" {
                printError("the run waits for approval of a tool call: `aviary approvals list`, then "
                           + "`aviary approvals approve \(outcome.runID)` or `aviary approvals reject \(outcome.runID) --reason …`")
            } else if !outcome.completed {
                printError("error: \(outcome.error ?? "the run did not complete")")
                throw ExitCode.failure
            }
        }
    }
}
