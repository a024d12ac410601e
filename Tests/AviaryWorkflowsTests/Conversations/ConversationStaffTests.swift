import AviaryCore
import AviaryRuntime
import AviaryWorkflows
import Foundation
import Testing

/// The operators' side: who may act, refusals that name why, deleted agents, the SLA, recovery.
@Suite("Conversations: operators, SLA and recovery")
struct ConversationStaffTests {
    @Test func onlyTheAssignedAgentRepliesResolvesOrGivesBack() async throws {
        try await ConversationFixture.with { fx in
            let rita = try await fx.agent("Rita", skills: ["returns"])
            let gus = try await fx.agent("Gus", skills: ["general"])
            let c = try await fx.start()
            _ = try await fx.orchestrator.post("maybe refund", to: c.id, tenant: "acme")
            for attempt in [{ _ = try await fx.orchestrator.reply("hi", to: c.id, tenant: "acme", agent: gus.id) },
                            { _ = try await fx.orchestrator.resolve(c.id, tenant: "acme", agent: gus.id, note: nil) },
                            { _ = try await fx.orchestrator.backToAI(c.id, tenant: "acme", agent: gus.id, note: nil) }] as [() async throws -> Void] {
                let error = await #expect(throws: ConversationError.self) { try await attempt() }
                #expect(error?.code == "not_assigned")
            }
            #expect(try await fx.orchestrator.conversation(c.id, tenant: "acme").assignedAgentID == rita.id)
        }
    }

    @Test func assigningToAnOfflineFullOrUnskilledAgentSaysWhy() async throws {
        try await ConversationFixture.with { fx in
            let off = try await fx.agent("Olga", skills: ["technical"], status: .offline)
            let full = try await fx.agent("Fay", skills: ["technical"], capacity: 1)
            let novice = try await fx.agent("Ned", skills: ["general"])
            let busy = try await fx.start("u0")
            _ = try await fx.orchestrator.post("the app crashes", to: busy.id, tenant: "acme") // Fay takes it
            let c = try await fx.start()
            _ = try await fx.orchestrator.post("the app crashes again", to: c.id, tenant: "acme")
            for (agent, why) in [(off.id, "offline"), (full.id, "at capacity"), (novice.id, "lacks the skill technical")] {
                let error = await #expect(throws: ConversationError.self) { try await fx.orchestrator.assignNext(c.id, tenant: "acme", to: agent) }
                #expect(error?.code == "agent_unavailable" && "\(error!)".contains(why))
            }
            // the AI's conversation cannot be taken or given back
            let ai = try await fx.start("u2")
            _ = try await fx.orchestrator.post("hello", to: ai.id, tenant: "acme")
            let taken = await #expect(throws: ConversationError.self) { try await fx.orchestrator.assignNext(ai.id, tenant: "acme", to: full.id) }
            #expect(taken?.code == "invalid_transition")
            let back = await #expect(throws: ConversationError.self) { try await fx.orchestrator.backToAI(ai.id, tenant: "acme", agent: full.id, note: nil) }
            #expect(back?.code == "invalid_transition")
        }
    }

    @Test func aDeletedAgentsConversationsReturnToTheQueueAndFindAnotherAgent() async throws {
        try await ConversationFixture.with { fx in
            let rita = try await fx.agent("Rita", skills: ["returns"])
            let c = try await fx.start()
            _ = try await fx.orchestrator.post("maybe refund", to: c.id, tenant: "acme")
            let rosa = try await fx.agent("Rosa", skills: ["returns"], status: .offline)
            let requeued = try await fx.orchestrator.deleteAgent(rita.id, tenant: "acme")
            #expect(requeued == [c.id])
            let waiting = try await fx.orchestrator.conversation(c.id, tenant: "acme")
            #expect(waiting.state == .pendingHuman && waiting.assignedAgentID == nil && waiting.pendingSince != nil)
            _ = try await fx.orchestrator.updateAgent(rosa.id, tenant: "acme", .init(status: .online))
            #expect(try await fx.orchestrator.conversation(c.id, tenant: "acme").assignedAgentID == rosa.id)
            await #expect(throws: ConversationError.self) { try await fx.orchestrator.humanAgent(rita.id, tenant: "acme") }
        }
    }

    @Test func aConversationWaitingPastTheSLAIsReportedOnceAndWidenedToGeneral() async throws {
        try await ConversationFixture.with { fx in
            let c = try await fx.start()
            _ = try await fx.orchestrator.post("maybe refund", to: c.id, tenant: "acme")
            try await fx.agent("Gus", skills: ["general"])
            try await fx.orchestrator.maintain(now: fx.clock.now.addingTimeInterval(60))
            #expect(try await fx.orchestrator.conversation(c.id, tenant: "acme").assignedAgentID == nil)
            fx.clock.advance(301)
            try await fx.orchestrator.maintain(now: fx.clock.now)
            try await fx.orchestrator.maintain(now: fx.clock.now.addingTimeInterval(10))
            let events = try await fx.store.loadConversationEvents(c.id, tenant: "acme", after: 0, limit: 100)
            let breaches = events.filter { $0.kind == .slaBreached }
            #expect(breaches.count == 1 && breaches.first?.data["widened_to_general"] == .bool(true))
            let after = try await fx.orchestrator.conversation(c.id, tenant: "acme")
            #expect(after.requiredSkills == ["general"] && after.state == .humanActive)
        }
    }

    @Test func agentsAreValidatedAndEmailsAreUniquePerTenant() async throws {
        try await ConversationFixture.with { fx in
            try await fx.agent("Rita", skills: ["returns"])
            let clash = await #expect(throws: ConversationError.self) {
                try await fx.orchestrator.createAgent(tenant: "acme", name: "Other", email: "RITA@shop.test")
            }
            #expect("\(clash!)".contains("rita@shop.test"))
            _ = try await fx.orchestrator.createAgent(tenant: "other", name: "Rita", email: "rita@shop.test")
            for (email, skills, capacity) in [("nope", ["general"], 5), ("a@b.c", ["bad skill"], 5), ("a@b.c", ["general"], 0)] {
                let error = await #expect(throws: ConversationError.self) {
                    try await fx.orchestrator.createAgent(tenant: "acme", name: "X", email: email, skills: skills, maxCapacity: capacity)
                }
                #expect(error?.code == "invalid_input")
            }
        }
    }

    @Test func recoveryAppliesAFinishedRunAndStartsOneThatNeverStarted() async throws {
        try await ConversationFixture.with { fx in
            // a process stopped after storing the turn but before starting its run
            let c = try await fx.start()
            var machine = ConversationMachine(c)
            _ = try machine.userMessage(runID: "run_lost", explicitRequest: nil, now: fx.clock.now)
            let change = ConversationChange(conversation: machine.conversation, expectedVersion: c.version,
                                            messages: [ConversationMessage(role: .user, text: "Where is my order?", createdAt: fx.clock.now)],
                                            events: machine.events)
            #expect(try await fx.store.commit(change) != nil)
            let settled = try await fx.orchestrator.recover()
            #expect(settled.map(\.conversation.id) == [c.id])
            let after = try await fx.orchestrator.conversation(c.id, tenant: "acme")
            #expect(after.state == .finished && after.activeRunID == nil)
            #expect(try await fx.transcript(c.id) == ["user: Where is my order?", "ai: AI answer"])
            #expect(try await fx.runtime.loadRun(RunID("run_lost"), tenant: "acme")?.status == .completed)
            // a second pass finds nothing to do
            #expect(try await fx.orchestrator.recover().isEmpty)
        }
    }

    @Test func unknownWorkflowsAndConversationsAreRefused() async throws {
        try await ConversationFixture.with { fx in
            let error = await #expect(throws: ConversationError.self) {
                try await fx.orchestrator.start(workflow: "nope", tenant: "acme", principal: "p", userID: nil)
            }
            #expect(error?.code == "unknown_workflow")
            let missing = await #expect(throws: ConversationError.self) { try await fx.orchestrator.post("hi", to: "conv_x", tenant: "acme") }
            #expect(missing?.code == "unknown_conversation")
            let c = try await fx.start()
            let foreign = await #expect(throws: ConversationError.self) { try await fx.orchestrator.post("hi", to: c.id, tenant: "other") }
            #expect(foreign?.code == "unknown_conversation")
            let empty = await #expect(throws: ConversationError.self) { try await fx.orchestrator.post("  ", to: c.id, tenant: "acme") }
            #expect(empty?.code == "invalid_input")
        }
    }
}
