import AviaryKnowledge
import Testing

@Suite("Markdown chunking: documents")
struct MarkdownChunkerDocumentTests {
    let chunker = MarkdownChunker()

    @Test func emptyAndBlankDocumentsGiveNoChunks() {
        for markdown in ["", " ", "\n\n\n", "  \t \n \r\n\r\n", "\u{FEFF}", "---\ntitle: x\n---\n", "# Title\n\n## Sub\n", "---\n\n***\n"] {
            #expect(chunker.chunks(of: markdown).isEmpty, "\(markdown.debugDescription)")
        }
    }

    @Test func frontMatterIsDropped() {
        let chunks = chunker.chunks(of: "---\ntitle: Pricing\ntags: [a, b]\n---\n# Pricing\n\nFees are 1%.")
        #expect(chunks.map(\.text) == ["Fees are 1%."])
        #expect(chunks.map(\.headingPath) == [["Pricing"]])
        #expect(chunker.chunks(of: "---\ntitle: x\n...\nBody.").map(\.text) == ["Body."])
        #expect(chunker.chunks(of: "\u{FEFF}---\r\ntags:\r\n  - a\r\n---\r\nBody.").map(\.text) == ["Body."])
    }

    @Test func onlyFrontMatterAtTheVeryTopIsFrontMatter() {
        // an unclosed --- is a thematic break; a later --- block is Markdown (here a setext heading)
        #expect(chunker.chunks(of: "---\nJust text.").map(\.text) == ["Just text."])
        // --- blocks that are not YAML are Markdown: a thematic break, then a heading
        let ruled = chunker.chunks(of: "---\n# Title\n\nText.\n---\nMore.")
        #expect(ruled.map(\.text) == ["More."])
        #expect(ruled.map(\.headingPath) == [["Title", "Text."]])
        let chunks = chunker.chunks(of: "Intro.\n\n---\n\ntitle: x\n---\nBody.")
        #expect(chunks.map(\.text) == ["Intro.", "Body."])
        #expect(chunks.map(\.headingPath) == [[], ["title: x"]])
    }

    @Test func crlfAndCrLineEndingsChunkLikeLf() throws {
        let lf = "---\na: 1\n---\n# T\n\nOne.\nTwo.\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n  - y\n\nSetext\n---\n\n" + sentences(12)
        let small = try makeChunker(maxTokens: 40, overlapTokens: 10)
        let expected = small.chunks(of: lf)
        #expect(expected.count > 3)
        #expect(small.chunks(of: lf.replacing("\n", with: "\r\n")) == expected)
        #expect(small.chunks(of: lf.replacing("\n", with: "\r")) == expected)
        #expect(expected.allSatisfy { !$0.text.contains("\r") })
    }

    @Test func accentedTextAndHeadingsSurvive() {
        let chunks = chunker.chunks(of: "# Café crème\n\n## Über uns\n\nBrûlée, naïve, façade — Ærøskøbing.")
        #expect(chunks.map(\.headingPath) == [["Café crème", "Über uns"]])
        #expect(chunks.map(\.text) == ["Brûlée, naïve, façade — Ærøskøbing."])
    }

    @Test func cjkTextIsSplitAtItsSentencesWithinBudget() throws {
        let sentence = "这是一个用于测试的中文句子。"             // 14 characters, 14 tokens
        let paragraph = String(repeating: sentence, count: 30)
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 10).chunks(of: "# 中文\n\n" + paragraph)
        #expect(chunks.count >= 11)           // 420 tokens of text, at most 40 a chunk
        #expect(chunks.count <= 30)
        for chunk in chunks {
            #expect(chunk.tokens <= 40)
            #expect(chunk.headingPath == ["中文"])
            #expect(chunk.text.hasSuffix("。"))
        }
        #expect(chunks.map { String($0.textWithoutOverlap) }.joined() == paragraph)
    }

    @Test func cjkTextWithoutPunctuationIsCutBetweenCharacters() throws {
        let paragraph = String(repeating: "日本語の文章", count: 40)
        let chunks = try makeChunker(maxTokens: 30, overlapTokens: 6).chunks(of: paragraph)
        #expect(chunks.allSatisfy { $0.tokens <= 30 })
        #expect(chunks.map { String($0.textWithoutOverlap) }.joined() == paragraph)
        #expect(chunks.dropFirst().allSatisfy { $0.overlapLength > 0 })
    }

    @Test func positionsCountFromZeroAcrossSections() throws {
        let markdown = "# A\n\n" + sentences(8) + "\n\n# B\n\nshort\n\n## C\n\n" + sentences(8, tag: "c")
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 10).chunks(of: markdown)
        #expect(chunks.count > 4)
        #expect(chunks.map(\.position) == Array(0..<chunks.count))
    }

    @Test func theHashIsTheSHA256OfTheText() {
        let chunks = chunker.chunks(of: "# One\n\nabc\n\n# Two\n\nabc\n\n# Three\n\nabd")
        #expect(chunks.map(\.text) == ["abc", "abc", "abd"])
        #expect(chunks[0].contentHash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(chunks[0].contentHash == chunks[1].contentHash)
        #expect(chunks[2].contentHash != chunks[0].contentHash)
        #expect(chunks.allSatisfy { $0.contentHash.count == 64 && $0.contentHash.allSatisfy { $0.isHexDigit && !$0.isUppercase } })
        #expect(chunker.chunks(of: "# X\n\nabc").first?.contentHash == chunks[0].contentHash)
    }

    @Test func blockQuotesAreKeptAndSplitByLines() throws {
        let quote = "> A quoted line.\n> Another one.\nlazy continuation"
        #expect(chunker.chunks(of: quote + "\n\nAfter.").map(\.text) == [quote + "\n\nAfter."])
        let long = (0..<30).map { "> quoted line \($0) with words" }.joined(separator: "\n")
        let chunks = try makeChunker(maxTokens: 30, overlapTokens: 5).chunks(of: long)
        #expect(chunks.count > 1 && chunks.allSatisfy { $0.tokens <= 30 && $0.text.hasPrefix("> ") })
    }
}
