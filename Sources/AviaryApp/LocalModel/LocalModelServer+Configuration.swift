import Foundation

extension LocalModelServer {
    /// The command that starts a model server listening on 127.0.0.1 at a given port.
    public struct Command: Sendable, Hashable {
        /// The executable (an absolute path).
        public var executable: URL
        /// Its arguments.
        public var arguments: [String]
        /// Variables added to the inherited environment.
        public var environment: [String: String]

        /// Creates a command.
        public init(executable: URL, arguments: [String], environment: [String: String] = [:]) {
            self.executable = executable
            self.arguments = arguments
            self.environment = environment
        }

        /// llama-cpp-python's OpenAI-compatible server for the installed model:
        /// `venv/bin/python -m llama_cpp.server --model PATH --host 127.0.0.1 --port P --n_ctx N`.
        public static func llamaCpp(python: URL, model: URL, port: Int, contextSize: Int = 4096) -> Command {
            Command(executable: python, arguments: [
                "-m", "llama_cpp.server", "--model", model.path, "--host", "127.0.0.1",
                "--port", String(port), "--n_ctx", String(contextSize),
            ])
        }
    }

    /// How the server is started, checked and restarted.
    public struct Configuration: Sendable {
        /// Builds the command for the port the server must listen on (chosen free on 127.0.0.1).
        public var command: @Sendable (_ port: Int) -> Command
        /// Where the child's stdout and stderr are appended.
        public var logFile: URL
        /// What the logs call the server (default `local model server`).
        public var displayName = "local model server"
        /// The path polled until it answers 200 (default `/v1/models`).
        public var healthPath: String = "/v1/models"
        /// How long one start may take to become healthy (default 120 s: loading the model).
        public var startupTimeout: Duration = .seconds(120)
        /// Pause between health probes while starting (default 200 ms).
        public var healthCheckInterval: Duration = .milliseconds(200)
        /// Consecutive restarts allowed before the service fails (default 5).
        public var maxRestarts: Int = 5
        /// Pause before the first restart; doubled for each consecutive one (default 1 s).
        public var restartBackoff: Duration = .seconds(1)
        /// The longest pause between restarts (default 30 s).
        public var maxRestartBackoff: Duration = .seconds(30)
        /// A process healthy for this long resets the consecutive restart count (default 60 s).
        public var stableAfter: Duration = .seconds(60)
        /// Time between SIGTERM and SIGKILL when stopping the child (default 5 s).
        public var terminationGracePeriod: Duration = .seconds(5)

        /// A configuration with an arbitrary command (tests use a stand-in server).
        public init(logFile: URL, command: @escaping @Sendable (_ port: Int) -> Command) {
            self.logFile = logFile
            self.command = command
        }

        /// The llama.cpp server of an installed local model, logging to `server.log` beside it.
        /// Throws ``LocalModelError/notInstalled`` when the installation is incomplete.
        public init(installation: LocalModelInstallation, contextSize: Int = 4096) throws(LocalModelError) {
            let model = try installation.modelPath()
            let python = installation.python
            self.init(logFile: installation.serverLog) { port in
                Command.llamaCpp(python: python, model: model, port: port, contextSize: contextSize)
            }
        }
    }
}
