import ArgumentParser
import AviaryApp
import AviaryCore
import Foundation

/// `aviary workflows list|show|graph`: the project's workflows.
struct WorkflowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "workflows", abstract: "List, show and draw the project's workflows.",
                                                    subcommands: [List.self, Show.self, Graph.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the workflows: name, version, nodes, file.")
        @OptionGroup var options: ProjectOptions

        func run() async throws {
            try await failing {
                for line in try await ProjectLoader().load(try options.configuration()).workflowLines { print(line) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a workflow's definition (JSON, as GET /api/v1/workflows/{name}).")
        @Argument(help: "The workflow's name.") var name: String
        @OptionGroup var options: ProjectOptions

        func run() async throws {
            try await failing { print(try await ProjectLoader().load(try options.configuration()).workflowDetail(name).jsonString) }
        }
    }

    struct Graph: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draw a workflow's graph as Mermaid or Graphviz DOT.")
        @Argument(help: "The workflow's name.") var name: String
        @Option(help: "mermaid or dot.") var format: String = "mermaid"
        @OptionGroup var options: ProjectOptions

        func run() async throws {
            try await failing { print(try await ProjectLoader().load(try options.configuration()).workflowGraph(name, format: format), terminator: "") }
        }
    }
}
