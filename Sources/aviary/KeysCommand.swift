import ArgumentParser
import AviaryApp
import Foundation

/// `aviary keys create|list|revoke`: API keys for `aviary serve` (shown once, stored hashed).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Manage API keys for `aviary serve`.",
                                                    subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create",
            abstract: "Create an API key; prints the key (shown only once) on stdout.")

        @OptionGroup var options: ProjectOptions

        @Option(help: "The tenant the key belongs to.")
        var tenant: String

        @Option(help: "Role: admin, developer, operator, user or service.")
        var role: String

        @Option(help: "The principal the key acts as, stored as key:<principal>; keys given the same principal share their runs and sessions. Default: the key's own (key:<id>).")
        var principal: String?

        @Option(help: "A label for humans.")
        var name: String = ""

        @Option(name: .customLong("expires-in"), help: "Make the key stop working after this long: 90d, 12h, 30m or 45s. Default: never.")
        var expiresIn: String?

        func run() async throws {
            try await failing {
                let config = try options.configuration()
                let issued = try await AviaryApplication.createAPIKey(config, tenant: tenant, principal: principal, role: role, name: name,
                                                                      expiresIn: expiresIn)
                print(issued.key)
                let expiry = issued.expiresAt.map { ", expires \($0.formatted(Date.ISO8601FormatStyle()))" } ?? ""
                printError("created key \(issued.id) for tenant '\(issued.tenant)', principal '\(issued.principal)', role \(issued.role)\(expiry); store it now: it is not shown again")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list",
            abstract: "List a tenant's keys, newest first: id, status, role, principal, name, expiry. Never the secret.")

        @OptionGroup var options: ProjectOptions

        @Option(help: "The tenant whose keys to list.")
        var tenant: String

        @Flag(help: "Print each key as one line of JSON (JSON Lines), with the fields of GET /api/v1/keys.")
        var json = false

        func run() async throws {
            try await failing {
                for line in try await AviaryApplication.listAPIKeys(try options.configuration(), tenant: tenant, json: json) { print(line) }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke",
            abstract: "Revoke a key: a running server refuses it within 10 seconds (DELETE /api/v1/keys/{id} ends it at once).")

        @Argument(help: "The key id (the part of the key between 'avk_' and the next '_').")
        var id: String

        @OptionGroup var options: ProjectOptions

        @Option(help: "The tenant the key belongs to.")
        var tenant: String

        func run() async throws {
            try await failing {
                try await AviaryApplication.revokeAPIKey(try options.configuration(), tenant: tenant, id: id)
                printError("revoked key \(id) of tenant '\(tenant)'")
            }
        }
    }
}
