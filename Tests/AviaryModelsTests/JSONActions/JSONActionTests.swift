import AviaryCore
import Testing

@testable import AviaryModels

@Suite struct JSONActionTests {
    @Test func parsesBothShapesInAnyKeyOrder() {
        #expect(JSONAction(reply: #"{"arguments":{"q":"x"},"tool":"search"}"#) == .toolCall(name: "search", arguments: ["q": "x"]))
        #expect(JSONAction(reply: #"{"final_answer":"hi"}"#) == .finalAnswer("hi"))
    }

    @Test func acceptsCommonVariants() {
        #expect(JSONAction(reply: #"{"name":"search","arguments":"{\"q\":\"x\"}"}"#) == .toolCall(name: "search", arguments: ["q": "x"]))
        #expect(JSONAction(reply: #"{"tool":"now"}"#) == .toolCall(name: "now", arguments: [:]))
        #expect(JSONAction(reply: #"{"tool":"now","parameters":{"tz":"UTC"}}"#) == .toolCall(name: "now", arguments: ["tz": "UTC"]))
    }

    @Test func rejectsNonActions() {
        #expect(JSONAction(reply: "sunny") == nil)
        #expect(JSONAction(reply: #"{"answer":"x"}"#) == nil)
        #expect(JSONAction(reply: #"{"tool":"x","arguments":[1]}"#) == nil)
        #expect(JSONAction(reply: #"{"tool": "x", "arguments": {"#) == nil)
    }

    @Test func findsFirstObjectAfterBrokenOnes() {
        let text = #"Use {braces} wisely. "{" then {"final_answer": "a } in a string"} and {"final_answer":"second"}"#
        #expect(JSONAction(reply: text) == .finalAnswer("a } in a string"))
    }

    @Test func codeInsideAnswerSurvives() {
        let text = #"{"final_answer": "Run:\n```sh\nls {a,b}\n```"}"#
        #expect(JSONAction(reply: text) == .finalAnswer("Run:\n```sh\nls {a,b}\n```"))
    }
}
