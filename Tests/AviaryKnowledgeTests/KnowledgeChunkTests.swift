import AviaryKnowledge
import Testing

@Suite struct KnowledgeChunkTests {
    @Test func aChunkKeepsWhereItCameFrom() {
        let chunk = KnowledgeChunk(text: "Fees are 1%.", headingPath: ["Pricing"], position: 3, contentHash: "ab")
        #expect(chunk.headingPath == ["Pricing"] && chunk.position == 3)
        #expect(chunk.overlapLength == 0 && chunk.textWithoutOverlap == "Fees are 1%.")
    }

    @Test func contextualTextPutsTheHeadingPathFirst() {
        let chunk = KnowledgeChunk(text: "Fees are 1%.", headingPath: ["Pricing", "Card fees"], position: 0, contentHash: "")
        #expect(chunk.contextualText == "Pricing > Card fees\n\nFees are 1%.")
        #expect(KnowledgeChunk(text: "Top.", headingPath: [], position: 0, contentHash: "").contextualText == "Top.")
    }

    @Test func textWithoutOverlapDropsTheRepeatedStart() {
        let chunk = KnowledgeChunk(text: "Ends here. Then more.", headingPath: [], position: 1, contentHash: "", overlapLength: 11)
        #expect(chunk.textWithoutOverlap == "Then more.")
    }
}
