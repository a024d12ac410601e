import AviaryCore
import AviaryTesting
import Synchronization
import Testing

@Suite struct ScriptedModelTests {
    static func request(_ text: String) -> ModelRequest { ModelRequest(model: "m", messages: [.user(text)]) }

    @Test func answersInOrderAndKeepsTheRequests() async throws {
        let model = ScriptedModel([.toolCall("lookup", ["id": 1]), .text("done")])
        let first = try await model.respond(to: Self.request("hi"))
        #expect(first.finishReason == .toolCalls)
        #expect(first.message.toolCalls.map(\.name) == ["lookup"])
        let second = try await model.respond(to: Self.request("and?"))
        #expect(second.message.text == "done")
        #expect(model.requests.map { $0.messages.last?.text } == ["hi", "and?"])
        try model.verifyConsumed()
    }

    @Test func anUnexpectedCallThrowsAndReachesTheHook() async throws {
        let reported = Mutex<[ScriptedModelError]>([])
        let model = ScriptedModel([], name: "router", onMisuse: { error in reported.withLock { $0.append(error) } })
        let error = await #expect(throws: ScriptedModelError.self) { try await model.respond(to: Self.request("hello there")) }
        #expect(error?.codeName == "unexpected_call")
        #expect(error?.description == "ScriptedModel 'router': unexpected call #1 (script exhausted); last message: user: hello there")
        #expect(reported.withLock { $0 } == [error].compactMap { $0 })
    }

    @Test func verifyConsumedThrowsWhenRepliesAreLeft() async throws {
        let model = ScriptedModel([.text("one"), .text("two")])
        _ = try await model.respond(to: Self.request("hi"))
        let error = #expect(throws: ScriptedModelError.self) { try model.verifyConsumed() }
        #expect(error?.codeName == "unconsumed_replies")
        #expect(error?.description == "ScriptedModel 'scripted': 1 scripted reply was never requested")
    }
}
