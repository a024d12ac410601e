import ArgumentParser
import AviaryApp
import Foundation

/// `aviary schema check SCHEMA.json < instance.json`.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "JSON Schema tools.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a JSON instance (standard input) against a schema (draft 2020-12 or draft-07).")
        @Argument(help: "The schema file.") var schema: String

        func run() async throws {
            try await failing {
                let schemaText = try String(contentsOfFile: schema, encoding: .utf8)
                let input = FileHandle.standardInput.readDataToEndOfFile()
                let violations = try SchemaCheck.violations(schema: schemaText, instance: Array(input))
                if violations.isEmpty {
                    print("valid")
                } else {
                    for v in violations { print("invalid: \(v)") }
                    throw ExitCode.failure
                }
            }
        }
    }
}
