import AviaryKnowledge
import Testing

@Suite("Token estimates")
struct TokenEstimatorTests {
    @Test func theRuleIsWordsOrCharactersWhicheverIsMore() {
        #expect(TokenEstimator.tokens(in: "") == 0)
        #expect(TokenEstimator.tokens(in: "a") == 2)                          // 1 word × 4/3 → 2
        #expect(TokenEstimator.tokens(in: "one two three") == 4)              // 3 words → 4; 13 chars → 4
        #expect(TokenEstimator.tokens(in: "I am a cat of mine") == 8)         // 6 words → 8; 18 chars → 5
        #expect(TokenEstimator.tokens(in: String(repeating: "x", count: 40)) == 10)   // 1 word → 2; 40 chars → 10
        #expect(TokenEstimator.tokens(in: "   ") == 1)                        // whitespace is characters, not words
        #expect(TokenEstimator.tokens(in: "https://example.com/a/very/long/path?query=1") == 11)
    }

    @Test func accentsCountOnceHoweverTheyAreEncoded() {
        let composed = "Caf\u{E9} cr\u{E8}me br\u{FB}l\u{E9}e"
        let decomposed = "Cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e"
        #expect(TokenEstimator.tokens(in: composed) == TokenEstimator.tokens(in: decomposed))
        #expect(TokenEstimator.tokens(in: composed) == TokenEstimator.tokens(in: "Cafe creme brulee"))
    }

    @Test func cjkCharactersAreATokenEach() {
        #expect(TokenEstimator.tokens(in: "日本語のテキストです") == 10)
        #expect(TokenEstimator.tokens(in: "한국어") == 3)
        #expect(TokenEstimator.tokens(in: "Swift 编程") == 4)                 // 2 CJK + 1 word (2)
        // characters / 4 alone would call these 180 characters 45 tokens; a tokenizer sees about 180
        let chinese = String(repeating: "这是一个测试句子。", count: 20)
        #expect(TokenEstimator.tokens(in: chinese) == 180)
    }

    @Test func appendingNeverLowersTheEstimate() {
        let text = "Fees are 1%. Card fees: 2.9% + 30¢ — see https://example.com. 日本語 too."
        var previous = 0
        for end in text.indices.dropFirst() + [text.endIndex] {
            let tokens = TokenEstimator.tokens(in: text[..<end])
            #expect(tokens >= previous)
            previous = tokens
        }
    }
}
