import ArgumentParser
import AviaryApp
import Foundation

/// `aviary setup-model`: install the embedded local model now.
struct SetupModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "setup-model",
        abstract: "Install the embedded local model (llama.cpp server + SmolLM2-135M) into the project's .aviary/.")
    @OptionGroup var options: ProjectOptions

    func run() async throws {
        try await failing {
            let config = try options.configuration()
            try await LocalModelSetup.install(into: config.localModelDirectory) { printError($0) }
            print("local model ready in \(config.localModelDirectory.path)")
        }
    }
}
