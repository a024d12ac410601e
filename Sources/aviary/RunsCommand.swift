import ArgumentParser
import AviaryApp
import AviaryCore
import AviaryRuntime
import AviaryStorage
import Foundation

/// `aviary runs list|show|resume`.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "Inspect and resume runs.",
                                                    subcommands: [List.self, Show.self, Resume.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recent runs, newest first.")
        @OptionGroup var options: ProjectOptions
        @Option(help: "How many runs.") var limit = 20
        @Flag(help: "Print each run as one line of JSON (JSON Lines), with the HTTP API's run fields.") var json = false

        func run() async throws {
            try await failing {
                let config = try options.configuration()
                let limit = self.limit
                let runs = try await AviaryApplication.withStore(config) { try await $0.listRuns(tenant: config.tenant, limit: limit) }
                if json {
                    for r in runs { print(RunJSON.line(r)) }
                    return
                }
                if runs.isEmpty { print("no runs yet"); return }
                for r in runs {
                    let when = ISO8601DateFormatter().string(from: r.createdAt)
                    let parent = r.parentRunID.map { " (child of \($0))" } ?? ""
                    print("\(r.id)  \(r.status.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0))  \(r.agent)  \(when)\(parent)")
                }
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
                let config = try options.configuration()
                let id = RunID(self.id), withEvents = events, asJSON = json
                try await AviaryApplication.withStore(config) { store in
                    guard let run = try await store.loadRun(id, tenant: config.tenant) else { throw ValidationError("run \(id) not found") }
                    if asJSON {
                        print(RunJSON.line(run))
                        return
                    }
                    print("run      \(run.id)\nagent    \(run.agent)\nstatus   \(run.status.rawValue)")
                    if let p = run.parentRunID { print("parent   \(p)") }
                    if let s = run.sessionID { print("session  \(s)") }
                    print("input    \(run.input.jsonString)")
                    if let o = run.output { print("output   \(o.stringValue ?? o.jsonString)") }
                    if let e = run.error { print("error    \(e)") }
                    print("usage    \(run.usage.inputTokens) in / \(run.usage.outputTokens) out tokens, \(run.usage.requests) model calls, $\(String(format: "%.6f", run.usage.costUSD))")
                    print("journal:")
                    for step in try await store.loadJournal(id, tenant: config.tenant).sorted(by: { $0.updatedAt < $1.updatedAt }) {
                        print("  \(step.state.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(step.key)")
                    }
                    if withEvents {
                        print("events:")
                        for e in try await store.loadEvents(id, tenant: config.tenant) { print("  #\(e.sequence) \(e.kind.rawValue) \(e.data.jsonString)") }
                    }
                }
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
                let decision: ResumeDecision?
                switch (retry, skipWith, fail) {
                case (false, nil, false): decision = nil
                case (true, nil, false): decision = .retry
                case (false, let s?, false):
                    guard let v = try? JSONValue(parsing: s) else { throw ValidationError("--skip-with must be JSON, e.g. '\"done\"' or '{\"ok\":true}'") }
                    decision = .skip(v)
                case (false, nil, true): decision = .fail
                default: throw ValidationError("use only one of --retry, --skip-with, --fail")
                }
                let config = try options.configuration()
                let id = RunID(self.id)
                let options = AviaryApplication.Options(sink: ConsoleEventPrinter(verbose: verbose, write: { printError($0) }), progress: { printError($0) })
                let run = try await AviaryApplication.with(config, options: options) { app in
                    try await app.runtime.resume(id, tenant: config.tenant, decision: decision)
                }
                print("\(run.id) \(run.status.rawValue)")
                if let o = run.output, run.status == .completed { print(o.stringValue ?? o.jsonString) }
                if run.status != .completed {
                    printError("error: \(run.error ?? run.status.rawValue)")
                    throw ExitCode.failure
                }
            }
        }
    }
}
