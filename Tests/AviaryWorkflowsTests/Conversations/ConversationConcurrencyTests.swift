import AviaryCore
import AviaryWorkflows
import Foundation
import Testing

/// Many handovers, assignments and status changes at once: no agent ever holds more than its
/// capacity, no conversation is assigned twice, and loads match what agents hold.
@Suite("Conversations under concurrency")
struct ConversationConcurrencyTests {
    @Test(arguments: ConversationFixture.Backend.all)
    func parallelHandoversAndStatusChangesNeverOverfillAnAgent(_ backend: ConversationFixture.Backend) async throws {
        try await ConversationFixture.with(backend) { fx in
            let agents = [try await fx.agent("A", skills: ["returns"], capacity: 3), try await fx.agent("B", skills: ["returns"], capacity: 2),
                          try await fx.agent("C", skills: ["returns", "technical"], capacity: 4, status: .offline)]
            var conversations: [ConversationRecord] = []
            for i in 0..<24 { conversations.append(try await fx.start("u\(i)")) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in conversations {
                    group.addTask { _ = try await fx.orchestrator.post("maybe refund \(c.userID)", to: c.id, tenant: "acme") }
                }
                for round in 0..<6 {
                    group.addTask {
                        let agent = agents[round % agents.count]
                        _ = try await fx.orchestrator.updateAgent(agent.id, tenant: "acme", .init(status: round.isMultiple(of: 2) ? .online : .away))
                        _ = try await fx.orchestrator.updateAgent(agent.id, tenant: "acme", .init(status: .online))
                    }
                }
                group.addTask { try await fx.orchestrator.drain(tenant: "acme") }
                try await group.waitForAll()
            }
            try await fx.orchestrator.drain(tenant: "acme")
            var held: [String: Int] = [:]
            for c in conversations {
                let after = try await fx.orchestrator.conversation(c.id, tenant: "acme")
                #expect(after.state == .humanActive || after.state == .pendingHuman)
                if let agent = after.assignedAgentID { held[agent, default: 0] += 1 }
                // each conversation was assigned exactly once
                let assigned = try await fx.store.loadConversationEvents(c.id, tenant: "acme", after: 0, limit: 100).filter { $0.kind == .assigned }
                #expect(assigned.count == (after.assignedAgentID == nil ? 0 : 1))
            }
            for agent in agents {
                let stored = try await fx.orchestrator.humanAgent(agent.id, tenant: "acme")
                #expect(stored.currentLoad == held[agent.id, default: 0])
                #expect(stored.currentLoad <= stored.maxCapacity)
            }
            // every agent is online and full: 3 + 2 + 4 = 9 conversations are held, the rest wait
            #expect(held.values.reduce(0, +) == 9)
            #expect(try await fx.orchestrator.queue(tenant: "acme").count == 24 - 9)
        }
    }
}
