import AviaryCore
import AviaryWorkflows
import Foundation
import Testing

/// Seed 003's HIL meta-workflow end to end over a real store: the AI answers, hands over on each
/// trigger, the queue assigns by skills and load, and humans reply, resolve and give back.
@Suite("Conversations")
struct ConversationFlowTests {
    @Test func theAIAnswersAndTheConversationRestsFinished() async throws {
        try await ConversationFixture.with { fx in
            let c = try await fx.start()
            let turn = try await fx.orchestrator.post("Where is my order?", to: c.id, tenant: "acme")
            #expect(turn.conversation.state == .finished)
            #expect(!turn.handedOver && !turn.conversation.isHIL)
            #expect(turn.replies.map(\.text) == ["AI answer"])
            #expect(turn.replies.first?.role == .ai && turn.replies.first?.runID != nil)
            #expect(turn.conversation.confidenceScore == 0.9)
            #expect(try await fx.eventKinds(c.id) == ["conversation.state_changed", "conversation.message", "conversation.state_changed", "conversation.message"])
            // the next message starts another AI turn, which sees the history
            let second = try await fx.orchestrator.post("And when does it arrive?", to: c.id, tenant: "acme")
            #expect(second.conversation.state == .finished && second.replies.map(\.text) == ["AI answer"])
            #expect(fx.modelCalls.all.last?.contains("Where is my order?") == true)
        }
    }

    @Test func aLowConfidenceReturnGoesToTheAgentWithTheReturnsSkill() async throws {
        try await ConversationFixture.with { fx in
            let returns = try await fx.agent("Rita", skills: ["returns", "general"])
            let technical = try await fx.agent("Tom", skills: ["technical"])
            let c = try await fx.start()
            let turn = try await fx.orchestrator.post("maybe I want a refund for these shoes", to: c.id, tenant: "acme")
            #expect(turn.handedOver)
            #expect(turn.replies.map(\.role) == [.system])
            let after = turn.conversation
            #expect(after.state == .humanActive && after.isHIL)
            #expect(after.hilReason == .confidenceThreshold)
            #expect(after.requiredSkills == ["returns"])
            #expect(after.assignedAgentID == returns.id)
            #expect(after.confidenceScore == 0.4)
            let context = try #require(after.handover)
            #expect(context.intent == "return_request" && context.confidence == 0.4)
            #expect(context.summary.contains("refund") && context.outputs["classify"] != nil)
            #expect(try await fx.orchestrator.humanAgent(returns.id, tenant: "acme").currentLoad == 1)
            #expect(try await fx.orchestrator.humanAgent(technical.id, tenant: "acme").currentLoad == 0)
            let kinds = try await fx.eventKinds(c.id)
            #expect(kinds.contains("hil.handover") && kinds.contains("hil.queued") && kinds.last == "hil.assigned")
            let inbox = try await fx.store.loadInboxEvents(agent: returns.id, tenant: "acme", after: 0, limit: 10)
            #expect(inbox.map(\.kind) == [.assigned] && inbox.first?.conversationID == c.id)
        }
    }

    @Test func theAgentDecisionHandsOverWithSkillsAndPriorityFromTheSink() async throws {
        try await ConversationFixture.with { fx in
            let c = try await fx.start()
            let turn = try await fx.orchestrator.post("the app crashes on start", to: c.id, tenant: "acme")
            #expect(turn.conversation.state == .pendingHuman)
            #expect(turn.conversation.hilReason == .agentDecision)
            #expect(turn.conversation.requiredSkills == ["technical"] && turn.conversation.priority == 2)
            #expect(try await fx.orchestrator.queue(tenant: "acme").map(\.id) == [c.id])
            // an agent coming online takes it
            let tom = try await fx.agent("Tom", skills: ["technical"], status: .offline)
            #expect(try await fx.orchestrator.conversation(c.id, tenant: "acme").assignedAgentID == nil)
            _ = try await fx.orchestrator.updateAgent(tom.id, tenant: "acme", .init(status: .online))
            #expect(try await fx.orchestrator.conversation(c.id, tenant: "acme").assignedAgentID == tom.id)
        }
    }

    @Test func anExplicitRequestSkipsTheAI() async throws {
        try await ConversationFixture.with { fx in
            let c = try await fx.start()
            let turn = try await fx.orchestrator.post("Can I SPEAK to a human, please?!", to: c.id, tenant: "acme")
            #expect(fx.modelCalls.all.isEmpty)
            #expect(turn.handedOver && turn.conversation.state == .pendingHuman)
            #expect(turn.conversation.hilReason == .explicitRequest && turn.conversation.requiredSkills == ["general"])
            let states = try await fx.store.loadConversationEvents(c.id, tenant: "acme", after: 0, limit: 100)
                .filter { $0.kind == .stateChanged }.compactMap { $0.data["to"]?.stringValue }
            #expect(states == ["ai_processing", "handover", "pending_human"])
        }
    }

    @Test func theQueueWaitsWhileEveryAgentWithTheSkillIsFullAndDrainsWhenOneFreesUp() async throws {
        try await ConversationFixture.with { fx in
            let rita = try await fx.agent("Rita", skills: ["returns"], capacity: 1)
            try await fx.agent("Gus", skills: ["general"])
            let first = try await fx.start("u1"), second = try await fx.start("u2")
            #expect(try await fx.orchestrator.post("maybe refund", to: first.id, tenant: "acme").conversation.assignedAgentID == rita.id)
            let waiting = try await fx.orchestrator.post("maybe refund please", to: second.id, tenant: "acme").conversation
            #expect(waiting.state == .pendingHuman && waiting.assignedAgentID == nil)
            #expect(try await fx.orchestrator.queue(tenant: "acme", skill: "returns").map(\.id) == [second.id])
            #expect(try await fx.orchestrator.queue(tenant: "acme", skill: "technical").isEmpty)
            // a user message while queued waits with the conversation, never reaching a model
            let calls = fx.modelCalls.all.count
            let held = try await fx.orchestrator.post("hello?", to: second.id, tenant: "acme")
            #expect(held.replies.isEmpty && held.conversation.state == .pendingHuman && fx.modelCalls.all.count == calls)
            // resolving the first frees Rita, who takes the second at once
            let resolved = try await fx.orchestrator.resolve(first.id, tenant: "acme", agent: rita.id, note: "refund issued")
            #expect(resolved.state == .resolved && resolved.assignedAgentID == nil)
            let drained = try await fx.orchestrator.conversation(second.id, tenant: "acme")
            #expect(drained.state == .humanActive && drained.assignedAgentID == rita.id)
            #expect(try await fx.orchestrator.humanAgent(rita.id, tenant: "acme").currentLoad == 1)
        }
    }

    @Test func humanRepliesReachTheUserAndUserMessagesReachTheAgentNotAModel() async throws {
        try await ConversationFixture.with { fx in
            let rita = try await fx.agent("Rita", skills: ["returns"])
            let c = try await fx.start()
            _ = try await fx.orchestrator.post("maybe refund", to: c.id, tenant: "acme")
            let calls = fx.modelCalls.all.count
            _ = try await fx.orchestrator.reply("Hi, I'm Rita. Which order?", to: c.id, tenant: "acme", agent: rita.id)
            let turn = try await fx.orchestrator.post("Order 42", to: c.id, tenant: "acme")
            #expect(turn.replies.isEmpty && turn.conversation.state == .humanActive)
            #expect(fx.modelCalls.all.count == calls)
            #expect(try await fx.transcript(c.id).suffix(2) == ["human: Hi, I'm Rita. Which order?", "user: Order 42"])
            let inbox = try await fx.store.loadInboxEvents(agent: rita.id, tenant: "acme", after: 0, limit: 10)
            #expect(inbox.map(\.kind) == [.assigned, .message] && inbox.last?.data["message"]?["text"]?.stringValue == "Order 42")
        }
    }

    @Test func backToAIGivesTheNextRunTheAgentsNote() async throws {
        try await ConversationFixture.with { fx in
            let rita = try await fx.agent("Rita", skills: ["returns"])
            let c = try await fx.start()
            _ = try await fx.orchestrator.post("maybe refund", to: c.id, tenant: "acme")
            let back = try await fx.orchestrator.backToAI(c.id, tenant: "acme", agent: rita.id, note: "Refund approved for order 42; confirm politely.")
            #expect(back.state == .backToAI && !back.isHIL && back.assignedAgentID == nil)
            #expect(try await fx.orchestrator.humanAgent(rita.id, tenant: "acme").currentLoad == 0)
            let turn = try await fx.orchestrator.post("thanks, so what now?", to: c.id, tenant: "acme")
            #expect(turn.conversation.state == .finished)
            #expect(turn.replies.map(\.text) == ["AI answer"])
            #expect(fx.modelCalls.all.last?.contains("Refund approved for order 42") == true)
            #expect(turn.conversation.aiNote == nil)
        }
    }

    @Test func consecutiveFailedTurnsHandOverAtTheThreshold() async throws {
        try await ConversationFixture.with { fx in
            let c = try await fx.start()
            let first = try await fx.orchestrator.post("this will fail", to: c.id, tenant: "acme")
            #expect(first.conversation.state == .finished && first.conversation.consecutiveErrors == 1 && !first.handedOver)
            #expect(first.replies.first?.role == .system && first.replies.first?.text.contains("went wrong") == true)
            let second = try await fx.orchestrator.post("fail again", to: c.id, tenant: "acme")
            #expect(second.handedOver && second.conversation.hilReason == .errorThreshold && second.conversation.state == .pendingHuman)
        }
    }

    @Test func aResolvedConversationReopensWithTheAI() async throws {
        try await ConversationFixture.with { fx in
            let rita = try await fx.agent("Rita", skills: ["returns"])
            let c = try await fx.start()
            _ = try await fx.orchestrator.post("maybe refund", to: c.id, tenant: "acme")
            _ = try await fx.orchestrator.resolve(c.id, tenant: "acme", agent: rita.id, note: nil)
            let reopened = try await fx.orchestrator.post("one more question", to: c.id, tenant: "acme")
            #expect(reopened.conversation.state == .finished && reopened.replies.map(\.text) == ["AI answer"])
            let reasons = try await fx.store.loadConversationEvents(c.id, tenant: "acme", after: 0, limit: 100).compactMap { $0.data["reason"]?.stringValue }
            #expect(reasons.contains("reopened by a user message"))
        }
    }
}
