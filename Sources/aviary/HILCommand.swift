import ArgumentParser
import AviaryApp
import AviaryCore
import AviaryWorkflows
import Foundation

/// `aviary hil …`: the human side of conversations from the command line, for small teams and
/// for testing — the queue, human agents, and taking, answering, resolving and giving back
/// conversations. It acts on the project's database as an admin of `--tenant`.
struct HILCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hil", abstract: "Human-in-the-loop conversations: the queue, human agents, take, reply, resolve, back to AI.",
        subcommands: [Queue.self, Show.self, Agents.self, Take.self, Reply.self, Resolve.self, BackToAI.self])

    struct Queue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Conversations waiting for a person, highest priority first, then oldest.")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Only conversations that need this skill.") var skill: String?
        @Flag(help: "One JSON object per line.") var json = false
        func run() async throws {
            try await failing {
                let queued = try await AviaryApplication.withConversations(try options.configuration()) { o in
                    try await o.queue(tenant: try options.configuration().tenant, skill: skill, limit: 500)
                }
                if queued.isEmpty && !json { printError("no conversation waits for a person") }
                for c in queued { print(json ? c.json.jsonString : c.consoleLine()) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A conversation's state, handover context and transcript.")
        @OptionGroup var options: ProjectOptions
        @Argument(help: "The conversation's id.") var conversation: String
        func run() async throws {
            try await failing {
                let tenant = try options.configuration().tenant
                let (c, messages) = try await AviaryApplication.withConversations(try options.configuration()) { o in
                    let c = try await o.conversation(conversation, tenant: tenant)
                    return (c, try await o.store.loadConversationMessages(c.id, tenant: tenant, after: 0, limit: 100_000))
                }
                print(c.consoleLine())
                if let h = c.handover { print("handover: \(h.reason.rawValue), needs \(h.requiredSkills.joined(separator: ","))\(h.intent.map { ", intent \($0)" } ?? "")\n\(h.summary)") }
                for m in messages { print("[\(m.seq)] \(m.role.rawValue)\(m.author.map { " (\($0))" } ?? ""): \(m.text)") }
            }
        }
    }

    struct Agents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Human agents: add, list, set status.", subcommands: [Add.self, List.self, Status.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a human agent.")
            @OptionGroup var options: ProjectOptions
            @Argument(help: "The agent's name.") var name: String
            @Option(help: "The agent's email (unique in the tenant).") var email: String
            @Option(help: "Comma-separated skills (default general).") var skills: String?
            @Option(help: "The most conversations it holds at once (default 5).") var capacity: Int?
            @Option(help: "online, away or offline (default offline).") var status: String?
            @Option(help: "The API principal that acts as this agent (as `aviary keys create` prints it).") var principal: String?
            func run() async throws {
                try await failing {
                    let status = try status.map(HILCommand.status)
                    let tenant = try options.configuration().tenant
                    let agent = try await AviaryApplication.withConversations(try options.configuration()) { o in
                        try await o.createAgent(tenant: tenant, name: name, email: email,
                                                skills: skills.map { $0.split(separator: ",").map(String.init) }, maxCapacity: capacity,
                                                status: status, principal: principal)
                    }
                    print(agent.consoleLine)
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the human agents.")
            @OptionGroup var options: ProjectOptions
            @Flag(help: "One JSON object per line.") var json = false
            func run() async throws {
                try await failing {
                    let tenant = try options.configuration().tenant
                    let agents = try await AviaryApplication.withConversations(try options.configuration()) { o in
                        try await o.store.humanAgents(tenant: tenant)
                    }
                    if agents.isEmpty && !json { printError("no human agents yet: aviary hil agents add NAME --email EMAIL --skills returns") }
                    for a in agents { print(json ? a.json.jsonString : a.consoleLine) }
                }
            }
        }

        struct Status: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Set an agent online (it takes from the queue at once), away or offline.")
            @OptionGroup var options: ProjectOptions
            @Argument(help: "The agent's id or email.") var agent: String
            @Argument(help: "online, away or offline.") var status: String
            func run() async throws {
                try await failing {
                    let status = try HILCommand.status(self.status)
                    let tenant = try options.configuration().tenant
                    let updated = try await AviaryApplication.withConversations(try options.configuration()) { o in
                        let a = try await o.humanAgent(named: agent, tenant: tenant)
                        return try await o.updateAgent(a.id, tenant: tenant, .init(status: status))
                    }
                    print(updated.consoleLine)
                }
            }
        }
    }

    struct StaffOptions: ParsableArguments {
        @OptionGroup var options: ProjectOptions
        @Argument(help: "The conversation's id.") var conversation: String
        @Option(help: "The human agent acting (id or email).") var agent: String

        /// Runs `body` as the agent, then prints the conversation.
        func act(_ body: @escaping @Sendable (ConversationOrchestrator, HumanAgent, String) async throws -> ConversationRecord) async throws {
            try await failing {
                let tenant = try options.configuration().tenant
                let c = try await AviaryApplication.withConversations(try options.configuration()) { o in
                    try await body(o, try await o.humanAgent(named: agent, tenant: tenant), tenant)
                }
                print(c.consoleLine())
            }
        }
    }

    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a waiting conversation to an agent (refused, saying why, when it cannot take it).")
        @OptionGroup var staff: StaffOptions
        func run() async throws {
            let id = staff.conversation
            try await staff.act { o, agent, tenant in
                guard let c = try await o.assignNext(id, tenant: tenant, to: agent.id) else {
                    throw ConversationError.agentUnavailable("\(agent.name) could not take \(id); try again")
                }
                return c
            }
        }
    }

    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reply to the user as the conversation's agent.")
        @OptionGroup var staff: StaffOptions
        @Argument(help: "The reply.") var text: String
        func run() async throws {
            let id = staff.conversation, text = self.text
            try await staff.act { o, agent, tenant in try await o.reply(text, to: id, tenant: tenant, agent: agent.id) }
        }
    }

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resolve the conversation; the agent's capacity goes back to the queue.")
        @OptionGroup var staff: StaffOptions
        @Option(help: "The outcome, kept with the conversation.") var note: String?
        func run() async throws {
            let id = staff.conversation, note = self.note
            try await staff.act { o, agent, tenant in try await o.resolve(id, tenant: tenant, agent: agent.id, note: note) }
        }
    }

    struct BackToAI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "back-to-ai",
                                                        abstract: "Give the conversation back to the AI; the next AI run receives the note.")
        @OptionGroup var staff: StaffOptions
        @Option(help: "What the AI should know.") var note: String?
        func run() async throws {
            let id = staff.conversation, note = self.note
            try await staff.act { o, agent, tenant in try await o.backToAI(id, tenant: tenant, agent: agent.id, note: note) }
        }
    }

    static func status(_ text: String) throws -> HumanAgent.Status {
        guard let status = HumanAgent.Status(rawValue: text.lowercased()) else { throw ValidationError("status: expected online, away or offline") }
        return status
    }
}
