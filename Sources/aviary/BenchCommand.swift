import ArgumentParser
import AviaryApp
import Foundation

/// `aviary bench`: the agent-overhead benchmark against `shared/bench/stub-llm.js`.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench",
        abstract: "Measure the framework's overhead per agent run against the scripted stub LLM (prints the peers' JSON line last).")

    @Option(help: "tool-loop, delegate or dag.") var workload: String = "tool-loop"
    @Option(name: .short, help: "Measured runs.") var n: Int = 2000
    @Option(name: .short, help: "Concurrent runs.") var c: Int = 1
    @Option(help: "Warm-up runs (not measured).") var warmup: Int = 20
    @Option(help: "The stub's port on 127.0.0.1.") var port: Int = 18080
    @Option(help: "Keep the journal in this SQLite file (default: a temporary file).") var database: String?

    func run() async throws {
        try await failing {
            guard let w = BenchmarkWorkload(rawValue: workload) else { throw ValidationError("--workload must be tool-loop, delegate or dag") }
            let options = BenchmarkRunner.Options(workload: w, runs: n, concurrency: c, warmup: warmup, port: port, databasePath: database)
            print(try await BenchmarkRunner(options: options, progress: { printError($0) }).jsonLine())
        }
    }
}
