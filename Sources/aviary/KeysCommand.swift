import ArgumentParser
import AviaryApp
import Foundation

/// `aviary keys create`: creates an API key for `aviary serve` (printed once, stored hashed).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Manage API keys for `aviary serve`.",
                                                    subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create",
            abstract: "Create an API key; prints the key (shown only once) on stdout.")

        @OptionGroup var options: ProjectOptions

        @Option(help: "The tenant the key belongs to.")
        var tenant: String

        @Option(help: "Role: admin, developer, operator, user or service.")
        var role: String

        @Option(help: "The principal the key acts as (default: key-<role>).")
        var principal: String?

        @Option(help: "A label for humans.")
        var name: String = ""

        func run() async throws {
            try await failing {
                let config = try options.configuration()
                let issued = try await AviaryApplication.createAPIKey(config, tenant: tenant, principal: principal, role: role, name: name)
                print(issued.key)
                printError("created key \(issued.id) for tenant '\(issued.tenant)', principal '\(issued.principal)', role \(issued.role); store it now: it is not shown again")
            }
        }
    }
}
