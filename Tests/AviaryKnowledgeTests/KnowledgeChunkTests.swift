import AviaryKnowledge
import Testing

@Suite struct KnowledgeChunkTests {
    @Test func aChunkKeepsWhereItCameFrom() {
        let chunk = KnowledgeChunk(text: "Fees are 1%.", headingPath: ["Pricing"], position: 3, contentHash: "ab")
        #expect(chunk.headingPath == ["Pricing"] && chunk.position == 3)
    }
}
