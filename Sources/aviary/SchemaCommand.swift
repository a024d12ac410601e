import ArgumentParser
import AviaryCore
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
                let compiled = try JSONSchema(parsing: schemaText)
                let input = FileHandle.standardInput.readDataToEndOfFile()
                let instance: JSONValue
                do { instance = try JSONValue(parsing: Array(input)) } catch { throw ValidationError("standard input is not JSON: \(error)") }
                let violations = compiled.validate(instance)
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
