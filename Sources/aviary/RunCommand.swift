import ArgumentParser
import AviaryApp
import AviaryCore
import Foundation

/// `aviary run <workflow> --input JSON|@file.json`: runs a workflow with live progress.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a workflow of the project, showing each node as it runs.")

    @Argument(help: "The workflow's name.") var workflow: String
    @OptionGroup var options: ProjectOptions
    @Option(help: "The workflow's input: JSON, or @file.json.") var input: String = "{}"
    @Option(help: "The caller's context (run.context in expressions): JSON, or @file.json.") var context: String = "{}"
    @Flag(help: "Print the execute API's response body instead of the progress and outputs.") var json = false

    func run() async throws {
        try await failing {
            let given = try Self.json(input, option: "--input"), caller = try Self.json(context, option: "--context")
            let printer = WorkflowProgressPrinter(write: { printError($0) })
            let appOptions = AviaryApplication.Options(sink: json ? nil : printer, progress: { printError($0) })
            let outcome = try await AviaryApplication.runWorkflow(try options.configuration(), name: workflow, input: given, context: caller,
                                                                  options: appOptions)
            if json {
                print(outcome.report.jsonString)
            } else {
                Self.summarize(outcome)
            }
            if !outcome.finished && outcome.run.status != .waiting { throw ExitCode.failure }
        }
    }

    /// The end of a run for people: the result, the outputs by node, or why it stopped.
    static func summarize(_ outcome: WorkflowOutcome) {
        let run = outcome.run.id.rawValue
        switch outcome.run.status {
        case .completed:
            printError("\(outcome.status == "handover" ? "handed over" : "finished") in \(outcome.report["sink"]?.stringValue ?? "a sink") · run \(run) · "
                       + "\(Int(outcome.report["duration_ms"]?.numberValue ?? 0)) ms · $\(String(format: "%.6f", outcome.run.usage.costUSD))")
            for (node, output) in (outcome.report["outputs"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                printError("  \(node): \(output.jsonString)")
            }
            let result = outcome.report["result"] ?? .null
            print(result.stringValue ?? result.jsonString)
        case .waiting:
            for pending in outcome.report["pending"]?.arrayValue ?? [] {
                printError("waiting: \(pending["summary"]?.stringValue ?? "") (step \(pending["step"]?.stringValue ?? ""))")
            }
            printError("run \(run) waits: `aviary approvals list`, then `aviary approvals approve \(run)` (with --answer JSON for an input) "
                       + "or `aviary approvals reject \(run) --reason …`")
        default:
            printError("run \(run) \(outcome.run.status.rawValue): \(outcome.run.error ?? "")")
        }
    }

    /// JSON from the text or, for `@path`, from the file.
    static func json(_ text: String, option: String) throws -> JSONValue {
        let source: String
        if text.hasPrefix("@") {
            let path = String(text.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(option): cannot read \(path)") }
            source = String(decoding: data, as: UTF8.self)
        } else {
            source = text
        }
        do { return try JSONValue(parsing: Array(source.utf8)) } catch {
            throw ValidationError("\(option) is not valid JSON: \(error)")
        }
    }
}
