import ArgumentParser

/// The `aviary` command-line tool (started by `main.swift`).
struct Aviary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aviary",
        abstract: "Aviary: durable multi-agent orchestration.",
        subcommands: [InitCommand.self, ChatCommand.self, RunCommand.self, WorkflowsCommand.self, RunsCommand.self, ApprovalsCommand.self, HILCommand.self, IngestCommand.self, KnowledgeCommand.self, TestCommand.self, ValidateCommand.self, SchemaCommand.self, JMESPathCommand.self,
                      BenchCommand.self, BenchKnowledgeCommand.self, SetupModelCommand.self, ServeCommand.self, KeysCommand.self, MigrateCommand.self])
}
