import ArgumentParser
import AviaryApp
import Foundation
import Logging

/// `aviary serve`: the HTTP API (chat, OpenAI-compatible facade, runs, events) over a project.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve",
        abstract: "Serve the project's agents over HTTP (POST /chat, /v1/chat/completions, /api/v1/runs…).")

    @OptionGroup var options: ProjectOptions

    @Option(help: "Interface to bind (default 127.0.0.1, or server.host / AVIARY_HOST).")
    var host: String?

    @Option(help: "Port to bind (default 8080, or server.port / AVIARY_PORT; 0 picks a free one).")
    var port: Int?

    @Option(help: "The agent POST /chat runs (default: the project's default agent).")
    var agent: String?

    @Option(help: "Log format: json (one object per line) or text.")
    var logFormat: String = "json"

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        try await failing {
            var config = try options.configuration(agent: agent)
            config.overrideServer(host: host, port: port, chatAgent: agent)
            let logger = try LogSetup.logger(format: logFormat, level: logLevel)
            logger.info("concurrency executor", metadata: ["executor": .string(ConcurrencyExecutor.current.rawValue)])
            let appOptions = AviaryApplication.Options(progress: { printError($0) }, logger: logger)
            let serve = AviaryApplication.ServeOptions(onBound: { port in printError("aviary serve: listening on port \(port)") })
            try await AviaryApplication.serve(config, options: appOptions, serve: serve)
        }
    }
}
