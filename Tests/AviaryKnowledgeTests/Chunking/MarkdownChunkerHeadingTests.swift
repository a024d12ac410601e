import AviaryKnowledge
import Testing

@Suite("Markdown chunking: headings")
struct MarkdownChunkerHeadingTests {
    let chunker = MarkdownChunker()

    private func summary(_ markdown: String) -> [[String]: String] {
        Dictionary(chunker.chunks(of: markdown).map { ($0.headingPath, $0.text) }, uniquingKeysWith: { $0 + "|" + $1 })
    }

    @Test func nestedHeadingsGiveOutermostFirstPaths() {
        let chunks = chunker.chunks(of: """
            Preamble.

            # Guide

            Intro.

            ## Install

            Run it.

            ### On Linux

            Use apt.

            ## Configure

            Edit it.

            # Reference

            Look it up.
            """)
        #expect(chunks.map(\.headingPath) == [[], ["Guide"], ["Guide", "Install"], ["Guide", "Install", "On Linux"],
                                              ["Guide", "Configure"], ["Reference"]])
        #expect(chunks.map(\.text) == ["Preamble.", "Intro.", "Run it.", "Use apt.", "Edit it.", "Look it up."])
        #expect(chunks.map(\.position) == [0, 1, 2, 3, 4, 5])
    }

    @Test func skippedLevelsNestAndCloseByLevel() {
        let chunks = chunker.chunks(of: "# A\n### C\nunder c\n## B\nunder b\n#### D\nunder d\n# E\nunder e")
        #expect(chunks.map(\.headingPath) == [["A", "C"], ["A", "B"], ["A", "B", "D"], ["E"]])
    }

    @Test func setextHeadingsAreHeadings() {
        let chunks = chunker.chunks(of: "Title\n=====\n\nIntro.\n\nPart one\ncontinued\n---\n\nBody.\n\n### Deeper\n\nMore.")
        #expect(chunks.map(\.headingPath) == [["Title"], ["Title", "Part one continued"], ["Title", "Part one continued", "Deeper"]])
        #expect(chunks.map(\.text) == ["Intro.", "Body.", "More."])
    }

    @Test func aHeadingWithoutTextIsABoundaryButNotAPathElement() {
        let chunks = chunker.chunks(of: "# A\n\nfirst\n\n##\n\nsecond\n\n#\n\nthird\n\n### ###\n\nfourth")
        #expect(chunks.map(\.text) == ["first", "second", "third", "fourth"])
        #expect(chunks.map(\.headingPath) == [["A"], ["A"], [], []])
    }

    @Test func closingHashesAndSpacingAreNotPartOfTheText() {
        #expect(summary("## Fees ##\ntext")[["Fees"]] == "text")
        #expect(summary("#\tTabbed\ntext")[["Tabbed"]] == "text")
        #expect(summary("   # Indented three\ntext")[["Indented three"]] == "text")
        #expect(summary("# C# #\ntext")[["C#"]] == "text")
        #expect(summary("# Issue #42\ntext")[["Issue #42"]] == "text")
        #expect(summary("# Fees  **now**  \ntext")[["Fees  **now**"]] == "text")
    }

    @Test func thingsThatLookLikeHeadingsAreNot() {
        let text = "#hashtag is a tag\n\n#5 is a number\n\n####### seven is too many\n\n    # indented four is code"
        let chunks = chunker.chunks(of: text)
        #expect(chunks.count == 1)
        #expect(chunks.first?.headingPath == [])
        #expect(chunks.first?.text == text)
    }

    @Test func headingsInsideCodeFencesAreCode() {
        let chunks = chunker.chunks(of: "# Real\n\n```bash\n# install it\napt install x\n## still code\n```\n\n~~~\n# also code\n~~~\n\nAfter.")
        #expect(chunks.count == 1)
        #expect(chunks.first?.headingPath == ["Real"])
        #expect(chunks.first?.text == "```bash\n# install it\napt install x\n## still code\n```\n\n~~~\n# also code\n~~~\n\nAfter.")
    }

    @Test func headingsWithNothingUnderThemGiveNoChunk() {
        let chunks = chunker.chunks(of: "# A\n## B\n\n### C\n\ntext\n\n## D\n")
        #expect(chunks.map(\.headingPath) == [["A", "B", "C"]])
        #expect(chunker.chunks(of: "# Only\n## Headings\n").isEmpty)
    }

    @Test func equalHeadingsStillStartNewSections() throws {
        let small = try makeChunker(maxTokens: 400, overlapTokens: 50)
        let chunks = small.chunks(of: "## Setup\n\none\n\n## Setup\n\ntwo")
        #expect(chunks.map(\.text) == ["one", "two"])
        #expect(chunks.map(\.headingPath) == [["Setup"], ["Setup"]])
    }

    @Test func aDashLineUnderAParagraphIsASetextHeadingElsewhereABreak() {
        let chunks = chunker.chunks(of: "before\n\n---\n\nafter\n***\nend")
        #expect(chunks.map(\.text) == ["before\n\nafter\n\nend"])
        #expect(chunks.map(\.headingPath) == [[]])
    }
}
