import ArgumentParser
import AviaryApp
import Foundation

/// `aviary validate`: load and check a project's agents and tools.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check a project's agents and tools.")
    @OptionGroup var options: ProjectOptions

    func run() async throws {
        try await failing {
            let config = try options.configuration()
            do {
                let project = try await ProjectLoader().load(config)
                for line in project.summaryLines { print(line) }
            } catch let error as ProjectLoadError {
                for p in error.problems { printError("error: \(p)") }
                throw ExitCode.failure
            }
        }
    }
}
