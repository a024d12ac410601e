import AviaryCore
import Testing

/// `explicit_request`'s patterns: whole words, ignoring case, accents, punctuation, spacing and articles.
@Suite("Explicit request matcher")
struct ExplicitRequestMatcherTests {
    static let seed = ExplicitRequestMatcher(patterns: ["speak to human", "talk to agent", "escalate"])

    @Test(arguments: [
        "speak to human", "SPEAK TO HUMAN", "Speak To Human", "Can I SPEAK to a human?!", "i want to speak to the human, now.",
        "speak-to-human", "speak,to;human", "speak   to\n\thuman", "«Speak to a human»", "Please escalate", "ESCALATE!!!",
        "I'd like to talk to an agent", "talk to THE agent please",
    ])
    func matches(_ text: String) {
        #expect(Self.seed.match(text), "\(text)")
    }

    @Test(arguments: [
        "escalated", "escalates", "escalation please", "humanity", "superhuman", "speak to humans", "speaker to human",
        "speak with a human", "human, speak to me", "talk to agents", "thanks, that helped", "", "   ", "?!…",
    ])
    func doesNotMatch(_ text: String) {
        #expect(!Self.seed.match(text), "\(text)")
    }

    @Test func articlesAreIgnoredInPatternsAndText() {
        let m = ExplicitRequestMatcher(patterns: ["speak to a human"])
        #expect(m.match("speak to human") && m.match("speak to the human") && m.match("Speak to an human"))
        #expect(ExplicitRequestMatcher(patterns: ["talk to an agent"]).match("talk to the agent"))
        #expect(!m.match("speak to another human"), "'another' is a word, not an article")
    }

    @Test func accentsAndDiacriticsAreFolded() {
        #expect(ExplicitRequestMatcher(patterns: ["hablar con un agente humano"]).match("¿Puedo HABLAR con un agénte humano?"))
        #expect(ExplicitRequestMatcher(patterns: ["hablar con un agénte"]).match("quiero hablar con un agente"))
        #expect(ExplicitRequestMatcher(patterns: ["parler à un humain"]).match("Je veux PARLER a un Humain."))
        #expect(ExplicitRequestMatcher(patterns: ["senor"]).match("¡Señor!"))
        #expect(ExplicitRequestMatcher(patterns: ["résumé"]).match("my RESUME"))
    }

    @Test func apostrophesSplitWordsAlikeInPatternAndText() {
        let m = ExplicitRequestMatcher(patterns: ["don't want a bot"])
        #expect(m.match("I don't want a bot!") && m.match("I don’t want a bot"))
        #expect(!m.match("I do want a bot"))
    }

    @Test func anyOfSeveralPatternsMatches() {
        let m = ExplicitRequestMatcher(patterns: ["refund", "real person", "manager"])
        #expect(m.match("I want a REFUND"))
        #expect(m.match("is there a real person here?"))
        #expect(m.match("Get me your manager."))
        #expect(!m.match("a person who is real"))
    }

    @Test func emptyTextAndEmptyPatternsNeverMatch() {
        #expect(!Self.seed.match(""))
        #expect(!ExplicitRequestMatcher(patterns: []).match("speak to human"))
        let wordless = ExplicitRequestMatcher(patterns: ["", "   ", "the", "?!", "a an the"])
        #expect(!wordless.match("the") && !wordless.match("a an the") && !wordless.match("?!") && !wordless.match("anything"))
        #expect(ExplicitRequestMatcher(patterns: ["", "human"]).match("human"), "a wordless pattern does not disable the others")
    }

    @Test func aPatternLongerThanTheTextDoesNotMatch() {
        let m = ExplicitRequestMatcher(patterns: ["please let me speak to a human agent right now"])
        #expect(!m.match("speak to human"))
        #expect(!m.match("human"))
        #expect(m.match("Please, let me speak to a HUMAN agent right now!"))
    }

    @Test func thePatternMayBeTheWholeTextOrAtItsEnds() {
        let m = ExplicitRequestMatcher(patterns: ["human"])
        #expect(m.match("human") && m.match("human please") && m.match("a human") && m.match("get me a human"))
    }

    @Test func wordsAreWhatMatchingCompares() {
        #expect(ExplicitRequestMatcher.words("Can I SPEAK to a human?!") == ["can", "i", "speak", "to", "human"])
        #expect(ExplicitRequestMatcher.words("The agent's résumé, 2 pages") == ["agent", "s", "resume", "2", "pages"])
        #expect(ExplicitRequestMatcher.words("  ?! … ") == [])
        #expect(ExplicitRequestMatcher.words("") == [])
    }

    @Test func onlyTheFirst10000CharactersAreRead() {
        let filler = String(repeating: "hello ", count: 2_000)
        #expect(Self.seed.match("escalate " + filler))
        #expect(!Self.seed.match(filler + "escalate"), "a message is read up to 10,000 characters")
    }
}
