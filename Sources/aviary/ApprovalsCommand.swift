import ArgumentParser
import AviaryApp
import AviaryCore
import AviaryHTTP
import Foundation

/// `aviary approvals list|approve|reject`: tool calls and inputs waiting for a person.
struct ApprovalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approvals", abstract: "Tool calls waiting for approval, and the decision.",
                                                    subcommands: [List.self, Approve.self, Reject.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List what the tenant's runs wait for: tool calls to approve, inputs to answer.")
        @OptionGroup var options: ProjectOptions
        @Flag(help: "Print each approval as one line of JSON (the HTTP API's Approval fields).") var json = false

        func run() async throws {
            try await failing {
                let pending = try await AviaryApplication.pendingApprovals(try options.configuration())
                if pending.isEmpty && !json { printError("no tool calls are waiting for approval") }
                for p in pending { print(json ? p.wireJSON.jsonString : p.consoleLine) }
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a run's pending tool call (the run resumes here and the call runs once), or answer its input with --answer.")
        @Argument(help: "The waiting run's id.") var id: String
        @OptionGroup var decision: DecisionOptions
        func run() async throws { try await decision.decide(id, approve: true) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a run's pending tool call; the run resumes and the model is told why.")
        @Argument(help: "The waiting run's id.") var id: String
        @OptionGroup var decision: DecisionOptions
        func run() async throws { try await decision.decide(id, approve: false) }
    }

    struct DecisionOptions: ParsableArguments {
        @OptionGroup var options: ProjectOptions
        @Option(help: "Why (the model sees it with a rejection; the run's events keep it).") var reason: String?
        @Option(help: "Who decides, as recorded (default local:$USER).") var by: String?
        @Option(help: "For an input request (approve): the answer, as JSON, checked against the request's answer schema.") var answer: String?
        @Option(help: "The pending request to decide, by its step (as `approvals list` shows it); needed when the run waits for several.")
        var step: String?
        @Flag(name: .shortAndLong, help: "Print tool calls as they happen.") var verbose = false

        func decide(_ id: String, approve: Bool) async throws {
            try await failing {
                let appOptions = AviaryApplication.Options(sink: ConsoleEventPrinter(verbose: verbose, write: { printError($0) }),
                                                           progress: { printError($0) })
                let value: JSONValue?
                do { value = try answer.map { try JSONValue(parsing: $0) } } catch {
                    throw ValidationError("--answer is not JSON: \(error)")
                }
                let outcome = try await AviaryApplication.decideApproval(try options.configuration(), runID: id, approve: approve,
                                                                         reason: reason, by: by, answer: value, step: step, options: appOptions)
                print("\(outcome.runID) \(outcome.status)")
                if let output = outcome.output { print(output) }
                if !outcome.completed {
                    printError(outcome.status == "waiting" ? "the run waits for another approval: aviary approvals list"
                                                           : "error: \(outcome.error ?? outcome.status)")
                    throw ExitCode.failure
                }
            }
        }
    }
}
