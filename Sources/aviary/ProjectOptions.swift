import ArgumentParser
import AviaryApp
import Foundation

/// `--project`, shared by every command that works on a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder (with aviary.yaml and agents/). Default: the current directory.")
    var project: String = "."

    @Option(name: .long, help: "Model for agents that name none (provider/model or a profile); overrides aviary.yaml and AVIARY_MODEL.")
    var model: String?

    func configuration(agent: String? = nil) throws -> AviaryConfiguration {
        let url = URL(fileURLWithPath: project, isDirectory: true).standardizedFileURL
        return try ConfigurationLoader().load(project: url, overrides: .init(model: model, agent: agent))
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Turns any error into a one-line message and a failing exit code.
func failing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        printError("error: \(ErrorText.describe(error))")
        throw ExitCode.failure
    }
}
