import AviaryKnowledge
import Testing

@Suite("Markdown chunking: paragraphs and overlap")
struct MarkdownChunkerProseTests {
    @Test func smallParagraphsOfASectionShareAChunk() {
        let chunks = MarkdownChunker().chunks(of: "First paragraph.\n\nSecond one,\nwrapped.\n\nThird.")
        #expect(chunks.map(\.text) == ["First paragraph.\n\nSecond one,\nwrapped.\n\nThird."])
        #expect(chunks.first?.overlapLength == 0)
    }

    @Test func paragraphsArePackedUpToTheBudgetAndKeptWhole() throws {
        let paragraphs = (0..<12).map { sentences(1, wordsPerSentence: 6, tag: "p\($0)") }
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 8).chunks(of: paragraphs.joined(separator: "\n\n"))
        #expect(chunks.count > 1 && chunks.count < paragraphs.count)
        for chunk in chunks {
            #expect(chunk.tokens <= 40)
            // whole paragraphs only (after the overlap), blank-line separated
            let own = chunk.textWithoutOverlap.split(separator: "\n\n").map(String.init)
            #expect(own.allSatisfy(paragraphs.contains), "\(chunk.text)")
        }
        #expect(chunks.flatMap { $0.textWithoutOverlap.split(separator: "\n\n").map(String.init) } == paragraphs)
    }

    @Test func aLongParagraphIsSplitBetweenSentencesWithOverlap() throws {
        let paragraph = sentences(12, wordsPerSentence: 8)
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 14).chunks(of: "# Long\n\n" + paragraph)
        #expect(chunks.count >= 4)
        #expect(chunks.first?.overlapLength == 0)
        for chunk in chunks {
            #expect(chunk.tokens <= 40)
            #expect(chunk.headingPath == ["Long"])
            // the new text starts and ends at sentence boundaries
            #expect(chunk.textWithoutOverlap.first?.isUppercase == true, "\(chunk.text)")
            #expect(chunk.text.hasSuffix("."), "\(chunk.text)")
        }
        for (previous, chunk) in zip(chunks, chunks.dropFirst()) {
            #expect(chunk.overlapLength > 0)
            let tail = chunk.overlapText.dropLast()      // the tail, then the space that separated it
            #expect(chunk.overlapText.last == " ")
            #expect(previous.text.hasSuffix(tail))
            #expect(TokenEstimator.tokens(in: tail) <= 14)
            // about overlapTokens: here the last whole sentence (8 words, 11 tokens)
            #expect(TokenEstimator.tokens(in: tail) >= 7, "\(tail)")
            #expect(tail.first?.isUppercase == true, "cut at a sentence: \(tail)")
        }
        #expect(chunks.map { String($0.textWithoutOverlap) }.joined(separator: " ") == paragraph)
    }

    @Test func whenNoSentenceFitsTheOverlapIsCutAtAWord() throws {
        let paragraph = sentences(6, wordsPerSentence: 20)      // 27 tokens a sentence, more than the overlap
        let chunks = try makeChunker(maxTokens: 60, overlapTokens: 10).chunks(of: paragraph)
        #expect(chunks.count > 1)
        for (previous, chunk) in zip(chunks, chunks.dropFirst()) {
            let tail = chunk.overlapText.dropLast()
            #expect(!tail.isEmpty && previous.text.hasSuffix(tail))
            #expect(previous.text.dropLast(tail.count).last == " ", "cut at a word: \(tail)")
            #expect((6...10).contains(TokenEstimator.tokens(in: tail)), "\(tail)")
        }
    }

    @Test func aSentenceOverBudgetIsSplitBetweenWords() throws {
        let sentence = (0..<150).map { "word\($0)" }.joined(separator: " ")
        let chunks = try makeChunker(maxTokens: 30, overlapTokens: 6).chunks(of: sentence)
        #expect(chunks.count > 5)
        #expect(chunks.allSatisfy { $0.tokens <= 30 })
        #expect(chunks.map { String($0.textWithoutOverlap) }.joined(separator: " ") == sentence)
    }

    @Test func aWordOverBudgetIsSplitBetweenCharacters() throws {
        let word = String(repeating: "abcdefghij", count: 60)       // 600 characters, 150 tokens
        let chunks = try makeChunker(maxTokens: 20, overlapTokens: 5).chunks(of: "See \(word) here.")
        #expect(chunks.allSatisfy { $0.tokens <= 20 })
        #expect(chunks.count > 8)
        #expect(chunks.map { $0.textWithoutOverlap.filter { !$0.isWhitespace } }.joined() == "See\(word)here.")
    }

    @Test func abbreviationsAndDecimalsDoNotEndSentences() throws {
        let paragraph = "Use e.g. the v2.5 API for every call you make. It costs 3.50 dollars per call. Really? Yes! Done."
        let chunks = try makeChunker(maxTokens: 16, overlapTokens: 0).chunks(of: paragraph)
        #expect(chunks.map(\.text) == ["Use e.g. the v2.5 API for every call you make.", "It costs 3.50 dollars per call. Really? Yes! Done."])
    }

    @Test func overlapNeverCrossesSections() throws {
        let markdown = "# A\n\n" + sentences(10, tag: "a") + "\n\n# B\n\n" + sentences(10, tag: "b") + "\n\n## B1\n\nShort."
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 15).chunks(of: markdown)
        for (previous, chunk) in zip(chunks, chunks.dropFirst()) where previous.headingPath != chunk.headingPath {
            #expect(chunk.overlapLength == 0, "\(chunk.text)")
        }
        #expect(chunks.filter { $0.headingPath == ["B"] }.allSatisfy { !$0.text.contains("a9") && !$0.text.contains("A9") })
        #expect(chunks.last?.text == "Short.")
        #expect(chunks.filter { $0.overlapLength > 0 }.count >= 4)
    }

    @Test func noOverlapAfterCodeOrWithOverlapOff() throws {
        let code = "```\n" + (0..<20).map { "line \($0)" }.joined(separator: "\n") + "\n```"
        let markdown = sentences(3) + "\n\n" + code + "\n\n" + sentences(3, tag: "t")
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 10).chunks(of: markdown)
        for (previous, chunk) in zip(chunks, chunks.dropFirst()) where previous.text.hasSuffix("```") {
            #expect(chunk.overlapLength == 0)
        }
        let noOverlap = try makeChunker(maxTokens: 40, overlapTokens: 0).chunks(of: sentences(20))
        #expect(noOverlap.count > 1 && noOverlap.allSatisfy { $0.overlapLength == 0 })
    }

    @Test func theOverlapShrinksWhenTheNextBlockNeedsTheRoom() throws {
        // the second paragraph (36 tokens) fits a chunk of 40 only with a short tail, or none
        let first = sentences(3, wordsPerSentence: 9, tag: "f")
        let second = sentences(3, wordsPerSentence: 9, tag: "g").prefix(170)
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 20).chunks(of: first + "\n\n" + second)
        #expect(chunks.allSatisfy { $0.tokens <= 40 })
        #expect(chunks.flatMap { words($0.textWithoutOverlap) } == words(first) + words(second))
    }

    @Test func paragraphLinesLoseTheirIndentation() {
        let chunks = MarkdownChunker().chunks(of: "  Indented start\n   and continued   \n\n   Next.")
        #expect(chunks.map(\.text) == ["Indented start\nand continued\n\nNext."])
    }
}
