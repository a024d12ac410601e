import ArgumentParser
import AviaryApp
import AviaryCore
import Foundation

/// `aviary runs list|show|resume`.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "Inspect, resume and prune runs.",
                                                    subcommands: [List.self, Show.self, Resume.self, Fork.self, Prune.self])

    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the events and journals of runs that ended (completed or cancelled) long ago; the runs keep their outcome and totals.")
        @OptionGroup var options: ProjectOptions
        @Option(name: .customLong("older-than"), help: "How long ago the runs ended: 30d, 12h, 90m or 3600s.") var olderThan: String
        @Option(help: "Only this tenant's runs (default: every tenant).") var tenant: String?

        func run() async throws {
            try await failing {
                printError(try await RunReport.prune(try options.configuration(), olderThan: olderThan, tenant: tenant))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recent runs, newest first.")
        @OptionGroup var options: ProjectOptions
        @Option(help: "How many runs.") var limit = 20
        @Flag(help: "Print each run as one line of JSON (JSON Lines), with the HTTP API's run fields.") var json = false

        func run() async throws {
            try await failing {
                for line in try await RunReport.list(try options.configuration(), limit: limit, json: json) { print(line) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a run: status, output, journal and events.")
        @Argument(help: "The run id.") var id: String
        @OptionGroup var options: ProjectOptions
        @Flag(help: "Also print every event.") var events = false
        @Flag(help: "Print the run as one JSON object, with the HTTP API's run fields.") var json = false

        func validate() throws {
            if json && events { throw ValidationError("--events does not combine with --json; the API serves events at /api/v1/runs/{id}/events") }
        }

        func run() async throws {
            try await failing {
                for line in try await RunReport.show(try options.configuration(), id: id, events: events, json: json) { print(line) }
            }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resume an interrupted run from its journal.")
        @Argument(help: "The run id.") var id: String
        @OptionGroup var options: ProjectOptions
        @Flag(help: "For a run that needs attention: run the interrupted step again.") var retry = false
        @Option(name: .customLong("skip-with"), help: "For a run that needs attention: skip the interrupted step, using this JSON as its result.")
        var skipWith: String?
        @Flag(help: "For a run that needs attention: fail it.") var fail = false
        @Flag(name: .shortAndLong, help: "Print tool calls as they happen.") var verbose = false

        func run() async throws {
            try await failing {
                let choice: ResumeChoice
                switch (retry, skipWith, fail) {
                case (false, nil, false): choice = .resume
                case (true, nil, false): choice = .retry
                case (false, let json?, false): choice = .skip(json: json)
                case (false, nil, true): choice = .fail
                default: throw ValidationError("use only one of --retry, --skip-with, --fail")
                }
                let options = AviaryApplication.Options(sink: ConsoleEventPrinter(verbose: verbose, write: { printError($0) }),
                                                        progress: { printError($0) })
                let outcome = try await AviaryApplication.resume(try self.options.configuration(), runID: id, choice: choice, options: options)
                print("\(outcome.runID) \(outcome.status)")
                if let output = outcome.output { print(output) }
                if !outcome.completed {
                    printError("error: \(outcome.error ?? outcome.status)")
                    throw ExitCode.failure
                }
            }
        }
    }

    struct Fork: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: """
            Fork a workflow run at a node: a new run of the same version reuses the nodes before it and runs it and everything after it again.
            """)
        @Argument(help: "The workflow run's id.") var id: String
        @Option(help: "The node to run again from.") var from: String
        @Option(help: "Fields of the workflow's input to replace: a JSON object, or @file.json.") var input: String?
        @Flag(help: "Print the execute API's response body.") var json = false
        @OptionGroup var options: ProjectOptions

        func run() async throws {
            try await failing {
                let overrides = try input.map { try RunCommand.json($0, option: "--input") }
                guard overrides == nil || overrides?.objectValue != nil else { throw ValidationError("--input must be a JSON object") }
                let appOptions = AviaryApplication.Options(sink: json ? nil : WorkflowProgressPrinter(write: { printError($0) }),
                                                           progress: { printError($0) })
                let outcome = try await AviaryApplication.forkWorkflowRun(try options.configuration(), runID: id, from: from,
                                                                          input: overrides?.objectValue, options: appOptions)
                if json { print(outcome.report.jsonString) } else { RunCommand.summarize(outcome) }
                if !outcome.finished && outcome.run.status != .waiting { throw ExitCode.failure }
            }
        }
    }
}
