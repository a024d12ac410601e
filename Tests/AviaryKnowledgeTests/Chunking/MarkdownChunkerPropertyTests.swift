import AviaryKnowledge
import Testing

/// Generated documents (fixed seeds), chunked with several budgets: what must hold for any document.
@Suite("Markdown chunking of generated documents")
struct MarkdownChunkerPropertyTests {
    static let budgets: [(maxTokens: Int, overlapTokens: Int)] = [(16, 4), (40, 10), (60, 0), (100, 25), (400, 50)]

    /// The content words (`w<n>`) of a text, in order; `W3` at a sentence start counts as `w3`.
    private func contentWords(_ text: some StringProtocol) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.compactMap { run in
            let word = run.lowercased()
            return word.first == "w" && word.count > 1 && word.dropFirst().allSatisfy(\.isNumber) ? word : nil
        }
    }

    @Test(arguments: 1...12)
    func everyChunkIsWithinBudgetAndNothingIsLost(seed: UInt64) throws {
        let document = GeneratedDocument(seed: seed)
        let expected = (0..<document.wordCount).map { "w\($0)" }
        for budget in Self.budgets {
            let chunks = try makeChunker(maxTokens: budget.maxTokens, overlapTokens: budget.overlapTokens).chunks(of: document.markdown)
            let label = "seed \(seed), budget \(budget)"
            #expect(chunks.map(\.position) == Array(0..<chunks.count), "\(label)")
            for chunk in chunks {
                #expect(chunk.tokens <= budget.maxTokens, "\(label): \(chunk.tokens) tokens: \(chunk.text)")
                #expect(chunk.text.contains { !$0.isWhitespace }, "\(label)")
                #expect(!chunk.text.hasPrefix("\n") && !chunk.text.hasSuffix("\n"), "\(label): \(chunk.text)")
                #expect(document.headingPaths.contains(chunk.headingPath), "\(label): \(chunk.headingPath)")
                let fences = chunk.text.split(separator: "\n").filter { $0.hasPrefix("```") || $0.hasPrefix("~~~") }
                #expect(fences.count % 2 == 0, "\(label): unbalanced fences in \(chunk.text)")
            }
            // Concatenating what each chunk adds gives back every content word, in order, once.
            let covered = chunks.flatMap { contentWords($0.textWithoutOverlap) }
            #expect(covered == expected, "\(label): \(covered.count) of \(expected.count) words")
        }
    }

    @Test(arguments: 1...12)
    func overlapRepeatsTheEndOfThePreviousChunkOfTheSameSection(seed: UInt64) throws {
        let document = GeneratedDocument(seed: seed)
        for budget in Self.budgets {
            let chunks = try makeChunker(maxTokens: budget.maxTokens, overlapTokens: budget.overlapTokens).chunks(of: document.markdown)
            for (previous, chunk) in zip(chunks, chunks.dropFirst()) where chunk.overlapLength > 0 {
                let label = "seed \(seed), budget \(budget), chunk \(chunk.position)"
                #expect(budget.overlapTokens > 0, "\(label)")
                #expect(previous.headingPath == chunk.headingPath, "\(label)")
                let tail = chunk.overlapText.trimmingCharacters()
                #expect(previous.text.hasSuffix(tail), "\(label): \(tail)")
                #expect(TokenEstimator.tokens(in: tail) <= budget.overlapTokens, "\(label)")
                // cut at a word boundary: the previous chunk has whitespace just before the tail
                let before = previous.text.dropLast(tail.count).last
                #expect(before == nil || before!.isWhitespace, "\(label): \(tail)")
                #expect(!chunk.textWithoutOverlap.isEmpty, "\(label)")
            }
        }
    }

    @Test func theSameDocumentGivesTheSameChunks() throws {
        let document = GeneratedDocument(seed: 42)
        let chunker = try makeChunker(maxTokens: 40, overlapTokens: 10)
        #expect(chunker.chunks(of: document.markdown) == chunker.chunks(of: document.markdown))
        #expect(GeneratedDocument(seed: 42).markdown == document.markdown)
    }

    @Test func tablesKeepTheirHeaderInEveryChunk() throws {
        for seed in UInt64(1)...12 {
            let document = GeneratedDocument(seed: seed)
            for budget in Self.budgets where budget.maxTokens >= 100 {
                let chunks = try makeChunker(maxTokens: budget.maxTokens, overlapTokens: budget.overlapTokens).chunks(of: document.markdown)
                for chunk in chunks {
                    let lines = chunk.text.split(separator: "\n", omittingEmptySubsequences: false)
                    for (index, line) in lines.enumerated() where line.hasPrefix("| w") || line.hasPrefix("| W") {
                        let header = lines[..<index].lastIndex { $0.hasPrefix("| Col0") }
                        #expect(header != nil, "seed \(seed), budget \(budget): row without header in \(chunk.text)")
                    }
                }
            }
        }
    }
}

extension Substring {
    /// Without leading and trailing whitespace.
    fileprivate func trimmingCharacters() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
