import ArgumentParser
import AviaryApp
import Foundation

/// `aviary jmespath EXPR [--file doc.json]`: evaluate a JMESPath expression over a JSON document.
struct JMESPathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jmespath",
        abstract: "Evaluate a JMESPath expression over a JSON document (standard input, or --file) and print the result as JSON.")
    @Argument(help: "The JMESPath expression, e.g. 'people[?age > `30`].name'.") var expression: String
    @Option(help: "Read the document from this file instead of standard input.") var file: String?

    func run() async throws {
        try await failing {
            let document: [UInt8]
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ConfigurationError("cannot read \(file)")
                }
                document = Array(data)
            } else {
                document = Array(FileHandle.standardInput.readDataToEndOfFile())
            }
            print(try JMESPathQuery.run(expression: expression, document: document, source: file ?? "standard input"))
        }
    }
}
