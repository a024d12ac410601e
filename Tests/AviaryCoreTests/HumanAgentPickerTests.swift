import AviaryCore
import Foundation
import Testing

/// Who takes a queued conversation, and in which order the queue is served.
@Suite("Human agent picker")
struct HumanAgentPickerTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func agent(_ id: String, _ status: HumanAgent.Status = .online, skills: [String] = ["general"], load: Int = 0, capacity: Int = 5,
                      lastAssigned: Double? = nil, created: Double = 0) -> HumanAgent {
        HumanAgent(id: id, tenant: "default", name: id.capitalized, email: "\(id)@example.com", status: status, skills: skills,
                   maxCapacity: capacity, currentLoad: load, lastAssignedAt: lastAssigned.map { t0.addingTimeInterval($0) },
                   createdAt: t0.addingTimeInterval(created))
    }

    /// The id `pick` chooses, whatever the order the agents are listed in.
    static func picked(_ agents: [HumanAgent], skills: [String] = ["general"]) -> String? {
        let forward = HumanAgentPicker.pick(from: agents, skills: skills)?.id
        let backward = HumanAgentPicker.pick(from: agents.reversed(), skills: skills)?.id
        #expect(forward == backward, "the choice depends on the list's order")
        return forward
    }

    @Test func onlyOnlineAgentsTakeConversations() {
        let agents = [Self.agent("away", .away), Self.agent("off", .offline), Self.agent("busy", load: 4)]
        #expect(Self.picked(agents) == "busy")
        #expect(Self.picked([Self.agent("away", .away), Self.agent("off", .offline)]) == nil)
    }

    @Test func theAgentNeedsEveryRequiredSkill() {
        let agents = [Self.agent("returns", skills: ["returns"]), Self.agent("tech", skills: ["technical"]),
                      Self.agent("both", skills: ["technical", "returns", "general"], load: 3)]
        #expect(Self.picked(agents, skills: ["returns", "technical"]) == "both")
        #expect(Self.picked(agents, skills: ["returns"]) == "returns")
        #expect(Self.picked(agents, skills: ["billing"]) == nil)
        #expect(Self.picked(agents, skills: []) == "returns", "no skills needed: any online agent with room, ties by id")
    }

    @Test func theAgentNeedsRoomLeft() {
        #expect(Self.picked([Self.agent("full", load: 5, capacity: 5), Self.agent("room", load: 4, capacity: 5)]) == "room")
        #expect(Self.picked([Self.agent("full", load: 5, capacity: 5), Self.agent("over", load: 3, capacity: 2)]) == nil)
        #expect(Self.picked([Self.agent("none", capacity: 0)]) == nil)
    }

    @Test func theLowestLoadWins() {
        let agents = [Self.agent("two", load: 2, created: -100), Self.agent("one", load: 1, lastAssigned: 50), Self.agent("three", load: 3)]
        #expect(Self.picked(agents) == "one")
    }

    @Test func tiesGoToTheNeverAssignedThenTheLongestIdle() {
        #expect(Self.picked([Self.agent("recent", lastAssigned: 10, created: -100), Self.agent("never", created: 100)]) == "never")
        #expect(Self.picked([Self.agent("recent", lastAssigned: 60, created: -100), Self.agent("idle", lastAssigned: 10, created: 100)]) == "idle")
    }

    @Test func thenTheOldestAgentThenTheID() {
        #expect(Self.picked([Self.agent("young", created: 50), Self.agent("old", created: 10)]) == "old")
        #expect(Self.picked([Self.agent("young", lastAssigned: 5, created: 50), Self.agent("old", lastAssigned: 5, created: 10)]) == "old")
        #expect(Self.picked([Self.agent("b"), Self.agent("a"), Self.agent("c")]) == "a")
    }

    @Test func nobodyFitsGivesNil() {
        #expect(HumanAgentPicker.pick(from: [], skills: ["general"]) == nil)
        let agents = [Self.agent("away", .away, skills: ["returns"]), Self.agent("full", skills: ["returns"], load: 5),
                      Self.agent("general")]
        #expect(Self.picked(agents, skills: ["returns"]) == nil)
    }

    @Test func aRefusalSaysWhy() {
        #expect(Self.agent("ana", .offline).refusal(for: ["general"]) == "Ana is offline")
        #expect(Self.agent("ana", .away).refusal(for: ["general"]) == "Ana is away")
        #expect(Self.agent("ana", load: 5, capacity: 5).refusal(for: ["general"]) == "Ana is at capacity (5 of 5)")
        #expect(Self.agent("ana").refusal(for: ["returns"]) == "Ana lacks the skill returns")
        #expect(Self.agent("ana").refusal(for: ["returns", "general", "technical"]) == "Ana lacks the skills returns, technical")
        #expect(Self.agent("ana").refusal(for: ["general"]) == nil)
        #expect(Self.agent("ana").refusal(for: []) == nil)
        // the status is named first, then the capacity, then the skills
        #expect(Self.agent("ana", .offline, load: 5, capacity: 5).refusal(for: ["returns"]) == "Ana is offline")
        #expect(Self.agent("ana", load: 5, capacity: 5).refusal(for: ["returns"]) == "Ana is at capacity (5 of 5)")
    }

    @Test func hasChecksEverySkill() {
        let ana = Self.agent("ana", skills: ["returns", "general"])
        #expect(ana.has(["returns"]) && ana.has(["general", "returns"]) && ana.has([]))
        #expect(!ana.has(["returns", "technical"]))
    }

    // MARK: - Queue order

    static func queued(_ id: String, priority: Int = 0, since: Double?) -> ConversationRecord {
        var c = ConversationRecord(id: id, tenant: "default", principal: "key:app", userID: "u", workflow: "support_hil",
                                   state: .pendingHuman, createdAt: t0)
        c.priority = priority
        c.pendingSince = since.map { t0.addingTimeInterval($0) }
        return c
    }

    @Test func theQueueServesHigherPriorityFirstThenTheLongestWaitingThenTheID() {
        let queue = [Self.queued("late", since: 300), Self.queued("urgent", priority: 2, since: 400), Self.queued("early", since: 100),
                     Self.queued("b-same", since: 200), Self.queued("a-same", since: 200), Self.queued("high", priority: 1, since: 500),
                     Self.queued("urgent-old", priority: 2, since: 50)]
        let expected = ["urgent-old", "urgent", "high", "early", "a-same", "b-same", "late"]
        #expect(queue.sorted(by: HumanAgentPicker.queueOrder).map(\.id) == expected)
        #expect(queue.reversed().sorted(by: HumanAgentPicker.queueOrder).map(\.id) == expected)
    }

    @Test func queueOrderIsAStrictOrder() {
        let a = Self.queued("a", priority: 1, since: 10), b = Self.queued("b", priority: 1, since: 10)
        #expect(HumanAgentPicker.queueOrder(a, b) && !HumanAgentPicker.queueOrder(b, a))
        #expect(!HumanAgentPicker.queueOrder(a, a))
        let negative = Self.queued("neg", priority: -1, since: 0)
        #expect(HumanAgentPicker.queueOrder(Self.queued("zero", since: 999), negative))
    }
}
