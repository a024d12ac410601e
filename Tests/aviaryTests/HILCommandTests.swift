import AviaryCore
import AviaryStorage
import AviaryTestSupport
import Foundation
import Testing

/// `aviary hil …` of a real `aviary`: agents added and listed, the queue, take (and a refusal that
/// says why), reply, show, resolve and back-to-ai, on the project's database.
@Suite struct HILCommandTests {
    static let env = ["OPENAI_API_KEY": "x"]

    /// Stores a conversation waiting in the queue for `skills`, as a handover leaves it.
    static func queuedConversation(_ project: URL, user: String, skills: [String]) async throws -> String {
        try await SQLiteStorage.withStorage(path: project.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
            let now = Date()
            let c = ConversationRecord(id: "conv_\(user)", tenant: "default", principal: "local", userID: user, workflow: "support_hil", createdAt: now)
            try await storage.store.createConversation(c)
            var machine = ConversationMachine(c)
            _ = try machine.userMessage(runID: "run_\(user)", explicitRequest: HandoverContext(reason: .explicitRequest, summary: "user: a person please",
                                                                                         requiredSkills: skills), now: now)
            let change = ConversationChange(conversation: machine.conversation, expectedVersion: 0,
                                            messages: [ConversationMessage(role: .user, text: "a person please", createdAt: now)], events: machine.events)
            #expect(try await storage.store.commit(change) != nil)
            return c.id
        }
    }

    func hil(_ args: [String], _ project: URL) async throws -> (Int32, String, String) {
        try await CLIProcess.run(["hil"] + args + ["--project", project.path], environment: Self.env)
    }

    @Test func operatorsWorkTheQueueFromTheCommandLine() async throws {
        try await withTemporaryDirectory { dir in
            try KillAndResumeTests.writeProject(dir)
            let (added, addOut, addErr) = try await hil(["agents", "add", "Rita", "--email", "rita@shop.test", "--skills", "returns,general",
                                                         "--capacity", "2", "--status", "online"], dir)
            #expect(added == 0, "\(addErr)")
            #expect(addOut.contains("Rita <rita@shop.test>  online  load 0/2  skills general,returns"))
            _ = try await hil(["agents", "add", "Theo", "--email", "theo@shop.test", "--skills", "technical"], dir)
            let (_, listed, _) = try await hil(["agents", "list", "--json"], dir)
            let agents = listed.split(separator: "\n").compactMap { try? JSONValue(parsing: String($0)) }
            #expect(agents.map { $0["email"] } == ["rita@shop.test", "theo@shop.test"] && agents.last?["status"] == "offline")

            let returns = try await Self.queuedConversation(dir, user: "u1", skills: ["returns"])
            let tech = try await Self.queuedConversation(dir, user: "u2", skills: ["technical"])
            let (_, queue, _) = try await hil(["queue"], dir)
            #expect(queue.contains(returns) && queue.contains(tech) && queue.contains("needs technical"), "\(queue)")
            let (_, onlyTech, _) = try await hil(["queue", "--skill", "technical", "--json"], dir)
            #expect(onlyTech.split(separator: "\n").count == 1 && onlyTech.contains(tech))

            let (took, taken, takeErr) = try await hil(["take", returns, "--agent", "rita@shop.test"], dir)
            #expect(took == 0 && taken.contains("human_active"), "\(takeErr)")
            // Theo is offline: taking says so and changes nothing
            let (refused, _, why) = try await hil(["take", tech, "--agent", "theo@shop.test"], dir)
            #expect(refused != 0 && why.contains("Theo is offline"), "\(why)")
            let (_, theo, _) = try await hil(["agents", "status", "theo@shop.test", "online"], dir)
            #expect(theo.contains("online  load 1/5"), "\(theo)") // going online took the technical conversation

            let (replied, _, replyErr) = try await hil(["reply", returns, "--agent", "rita@shop.test", "Your refund is on its way."], dir)
            #expect(replied == 0, "\(replyErr)")
            let (wrong, _, wrongErr) = try await hil(["reply", returns, "--agent", "theo@shop.test", "hi"], dir)
            #expect(wrong != 0 && wrongErr.contains("assigned to another human agent"))
            let (_, shown, _) = try await hil(["show", returns], dir)
            #expect(shown.contains("human (") && shown.contains("Your refund is on its way."), "\(shown)")
            let (resolved, done, _) = try await hil(["resolve", returns, "--agent", "rita@shop.test", "--note", "refunded"], dir)
            #expect(resolved == 0 && done.contains("resolved"))
            let (back, gaveBack, _) = try await hil(["back-to-ai", tech, "--agent", "theo@shop.test", "--note", "restart fixed it"], dir)
            #expect(back == 0 && gaveBack.contains("back_to_ai"))
            let (_, after, _) = try await hil(["agents", "list"], dir)
            #expect(after.contains("load 0/2") && after.contains("load 0/5"), "\(after)")
        }
    }
}
