import AviaryKnowledge
import Testing

@Suite("Chunking options")
struct ChunkingOptionsTests {
    @Test func defaultsAre400TokensWith50Overlap() throws {
        let options = try ChunkingOptions()
        #expect(options.maxTokens == 400 && options.overlapTokens == 50)
        #expect(ChunkingOptions.standard == options)
        #expect(MarkdownChunker().options == .standard)
    }

    @Test func sensibleValuesAreAccepted() throws {
        #expect(try ChunkingOptions(maxTokens: 16, overlapTokens: 15).overlapTokens == 15)
        #expect(try ChunkingOptions(maxTokens: 1000, overlapTokens: 0).maxTokens == 1000)
    }

    @Test func nonsenseIsRefusedWithAReason() {
        let cases: [(Int, Int, ChunkingOptionsError, String)] = [
            (0, 0, .maxTokensTooSmall(0), "maxTokens must be at least 16, got 0"),
            (-5, 0, .maxTokensTooSmall(-5), "got -5"),
            (15, 0, .maxTokensTooSmall(15), "at least 16"),
            (100, -1, .negativeOverlap(-1), "overlapTokens must not be negative, got -1"),
            (100, 100, .overlapNotLessThanMax(overlapTokens: 100, maxTokens: 100), "overlapTokens (100) must be less than maxTokens (100)"),
            (100, 250, .overlapNotLessThanMax(overlapTokens: 250, maxTokens: 100), "less than maxTokens"),
        ]
        for (max, overlap, expected, message) in cases {
            #expect(throws: expected) { try ChunkingOptions(maxTokens: max, overlapTokens: overlap) }
            do {
                _ = try ChunkingOptions(maxTokens: max, overlapTokens: overlap)
            } catch {
                #expect(error.description.contains(message), "\(error)")
            }
        }
    }
}
