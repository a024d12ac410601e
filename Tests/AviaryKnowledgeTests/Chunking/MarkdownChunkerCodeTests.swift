import AviaryKnowledge
import Testing

@Suite("Markdown chunking: code")
struct MarkdownChunkerCodeTests {
    private func lines(_ count: Int, _ prefix: String = "let value") -> [String] {
        (0..<count).map { "\(prefix)\($0) = compute(\($0))" }
    }

    /// The code lines of fenced chunks, in order, without the fences.
    private func codeLines(_ chunks: [KnowledgeChunk]) -> [String] {
        chunks.flatMap { $0.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().map(String.init) }
    }

    @Test func aCodeBlockThatFitsIsNeverSplit() throws {
        let code = "```swift\n" + lines(6).joined(separator: "\n") + "\n```"
        let chunks = try makeChunker(maxTokens: 80, overlapTokens: 10).chunks(of: sentences(5) + "\n\n" + code + "\n\nAfter.")
        #expect(chunks.contains { $0.text.contains(code) }, "the block stays whole")
        #expect(chunks.allSatisfy { $0.tokens <= 80 })
        #expect(chunks.filter { $0.text.contains("```") }.count == 1)
    }

    @Test func aCodeBlockOverBudgetIsSplitByLinesWithTheFenceReopened() throws {
        let body = lines(60)
        let opening = "```swift title=\"Main.swift\" {1,3}"
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 10).chunks(of: "# Code\n\n" + opening + "\n" + body.joined(separator: "\n") + "\n```\n")
        #expect(chunks.count > 3)
        for chunk in chunks {
            #expect(chunk.tokens <= 40)
            #expect(chunk.text.hasPrefix(opening + "\n"), "\(chunk.text)")
            #expect(chunk.text.hasSuffix("\n```"), "\(chunk.text)")
            #expect(chunk.overlapLength == 0)
            #expect(chunk.headingPath == ["Code"])
        }
        #expect(codeLines(chunks) == body)
    }

    @Test func tildeFencesAndLongerFencesKeepTheirMarkers() throws {
        let body = ["```", "not a closing fence", "~~~ not one either", "```"] + lines(30)
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 5).chunks(of: "~~~~python\n" + body.joined(separator: "\n") + "\n~~~~")
        #expect(chunks.count > 1)
        for chunk in chunks {
            #expect(chunk.tokens <= 40)
            #expect(chunk.text.hasPrefix("~~~~python\n") && chunk.text.hasSuffix("\n~~~~"), "\(chunk.text)")
        }
        #expect(codeLines(chunks) == body)
    }

    @Test func anUnclosedFenceRunsToTheEndAndIsClosedInItsChunks() throws {
        let markdown = "Intro.\n\n```js\nconsole.log(1)\n# not a heading\n\n## nor this\n"
        let chunks = MarkdownChunker().chunks(of: markdown)
        #expect(chunks.map(\.text) == ["Intro.\n\n```js\nconsole.log(1)\n# not a heading\n\n## nor this\n```"])
        #expect(chunks.first?.headingPath == [])

        let long = "  ~~~\n" + lines(40).joined(separator: "\n")
        let parts = try makeChunker(maxTokens: 40, overlapTokens: 5).chunks(of: long)
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.text.hasPrefix("  ~~~\n") && $0.text.hasSuffix("\n  ~~~") && $0.tokens <= 40 })
        #expect(codeLines(parts) == lines(40))
    }

    @Test func aLineTooLongForAnyChunkIsCutInsideItsOwnFences() throws {
        let line = (0..<120).map { "arg\($0)" }.joined(separator: ", ")
        let chunks = try makeChunker(maxTokens: 30, overlapTokens: 5).chunks(of: "```\nshort()\n" + line + "\nend()\n```")
        #expect(chunks.count > 3)
        for chunk in chunks {
            #expect(chunk.tokens <= 30)
            #expect(chunk.text.hasPrefix("```\n") && chunk.text.hasSuffix("\n```"))
        }
        #expect(codeLines(chunks).joined() == "short()" + line + "end()")
    }

    @Test func blankLinesInCodeAreKeptAndEmptyBlocksDropped() throws {
        let code = "```\nfirst()\n\n\nsecond()\n```"
        #expect(MarkdownChunker().chunks(of: code).map(\.text) == [code])
        #expect(MarkdownChunker().chunks(of: "```\n\n   \n```\n\n~~~\n~~~").isEmpty)
    }

    @Test func indentedCodeIsKeptAsWritten() throws {
        let markdown = "Run:\n\n    make build\n\n    make test\n\nDone."
        #expect(MarkdownChunker().chunks(of: markdown).map(\.text) == [markdown])
        let long = (0..<40).map { "    step \($0) of the build" }.joined(separator: "\n")
        let chunks = try makeChunker(maxTokens: 30, overlapTokens: 5).chunks(of: long)
        #expect(chunks.count > 1 && chunks.allSatisfy { $0.tokens <= 30 })
        let chunkLines: [String] = chunks.flatMap { $0.text.split(separator: "\n").map(String.init) }
        #expect(chunkLines == long.split(separator: "\n").map(String.init))
    }
}
