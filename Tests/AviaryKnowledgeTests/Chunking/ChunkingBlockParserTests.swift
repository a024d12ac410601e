@testable import AviaryKnowledge
import Testing

/// The pieces under the chunker: block structure and where prose may be cut.
@Suite("Markdown blocks and sentences")
struct ChunkingBlockParserTests {
    private func blocks(_ markdown: String) -> [ChunkingBlock] {
        ChunkingBlockParser.blocks(of: ChunkingSource.lines(of: markdown))
    }

    private func sentences(_ text: String) -> [String] {
        ProseSegmenter.sentences(in: text[...]).map { String(text[$0]) }
    }

    @Test func blocksAreRecognized() {
        let parsed = blocks("""
            # Title
            Para one
            still para.
            > quote
            - item
              - nested
            1. other list

            ```swift
            code
            ```
            | a | b |
            |---|---|
            | 1 | 2 |

                indented
            ***
            Setext
            ======
            """)
        #expect(parsed == [
            .heading(level: 1, text: "Title"),
            .paragraph("Para one\nstill para."),
            .quote(["> quote"]),
            .list(ChunkingList(items: [.init(lines: ["- item", "  - nested"], separator: "\n")])),
            .list(ChunkingList(items: [.init(lines: ["1. other list"], separator: "\n")])),
            .fencedCode(ChunkingCodeBlock(opening: "```swift", fence: ChunkingFence(marker: "`", length: 3, indent: 0),
                                        lines: ["code"], closing: "```")),
            .table(ChunkingTable(header: ["| a | b |", "|---|---|"], rows: ["| 1 | 2 |"])),
            .indentedCode(["    indented"]),
            .heading(level: 1, text: "Setext"),
        ])
    }

    @Test func anOrderedListInterruptsAParagraphOnlyFromOne() {
        #expect(blocks("The year\n1984. was good").count == 1)
        #expect(blocks("Steps\n1. one").count == 2)
        #expect(blocks("Steps\n- one").count == 2)
        #expect(blocks("Steps\n-").count == 1)                 // an empty item: a setext underline
    }

    @Test func backtickInfoStringsCannotHoldBackticks() {
        #expect(blocks("``` not `a` fence\ntext") == [.paragraph("``` not `a` fence\ntext")])
    }

    @Test func sentencesEndAtTerminatorsFollowedBySpaceAndNoLowercase() {
        #expect(sentences("One. Two! Three? Four") == ["One.", "Two!", "Three?", "Four"])
        #expect(sentences("Use e.g. this. And v1.2 works.") == ["Use e.g. this.", "And v1.2 works."])
        #expect(sentences("He said \"Stop.\" Then left.") == ["He said \"Stop.\"", "Then left."])
        #expect(sentences("Wait... What?!  Yes.\nNext line.") == ["Wait...", "What?!", "Yes.", "Next line."])
        #expect(sentences("第一句。第二句！第三句") == ["第一句。", "第二句！", "第三句"])
        #expect(sentences("  leading and trailing  ") == ["leading and trailing"])
        #expect(sentences("") == [])
    }

    @Test func wordsAreRunsAndCJKCharacters() {
        let text = "Swift 编程 is fun"
        #expect(ProseSegmenter.words(in: text[...]).map { String(text[$0]) } == ["Swift", "编", "程", "is", "fun"])
    }
}
