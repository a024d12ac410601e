import ArgumentParser
import AviaryApp
import Foundation

/// `aviary init <dir>`: scaffold a project.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new agent project.")
    @Argument(help: "The folder to create.") var directory: String
    @Flag(help: "Overwrite existing files.") var force = false

    func run() async throws {
        try await failing {
            let url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
            let written = try ProjectScaffold().write(to: url, overwrite: force)
            for f in written { print("created \(f)") }
            print("\nNext: aviary chat --project \(directory) \"Write a haiku about birds to haiku.txt\"")
        }
    }
}
