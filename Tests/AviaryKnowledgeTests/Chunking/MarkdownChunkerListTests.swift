import AviaryKnowledge
import Testing

@Suite("Markdown chunking: lists")
struct MarkdownChunkerListTests {
    @Test func aListThatFitsIsOneBlock() {
        let list = "- apples\n  - green\n  - red\n- pears\n  1. conference\n  2. williams\n- plums"
        let chunks = MarkdownChunker().chunks(of: "Fruit:\n\n" + list + "\n\nThat is all.")
        #expect(chunks.map(\.text) == ["Fruit:\n\n" + list + "\n\nThat is all."])
    }

    @Test func aListOverBudgetSplitsBetweenTopLevelItemsOnly() throws {
        let items = (0..<16).map { item in
            "- item\(item) has a few words\n" + (0..<2).map { "  - sub\(item)x\($0) nested under it" }.joined(separator: "\n")
        }
        let chunks = try makeChunker(maxTokens: 40, overlapTokens: 10).chunks(of: "# List\n\n" + items.joined(separator: "\n"))
        #expect(chunks.count > 3)
        var seen: [String] = []
        for chunk in chunks {
            #expect(chunk.tokens <= 40)
            #expect(chunk.text.hasPrefix("- item"), "starts at a top-level item: \(chunk.text)")
            #expect(chunk.overlapLength == 0)
            // each top-level item arrives whole, nested items included
            let pieces = chunk.text.split(separator: "\n- ").map { $0.hasPrefix("- ") ? String($0) : "- " + $0 }
            #expect(pieces.allSatisfy(items.contains), "\(chunk.text)")
            seen += pieces
        }
        #expect(seen == items)
    }

    @Test func orderedListsLooseListsAndContinuationLinesStayTogether() {
        let list = "1. first\n   continued under it\nlazily continued\n\n2) not the same list"
        let chunks = MarkdownChunker().chunks(of: list)
        #expect(chunks.map(\.text) == [list])

        let loose = "- one\n\n- two\n\n  second paragraph of two\n\n- three"
        #expect(MarkdownChunker().chunks(of: loose).map(\.text) == [loose])
    }

    @Test func aLooseListSplitKeepsItsBlankLines() throws {
        let items = (0..<12).map { "- loose item \($0) with several words in it" }
        let chunks = try makeChunker(maxTokens: 30, overlapTokens: 5).chunks(of: items.joined(separator: "\n\n"))
        #expect(chunks.count > 2)
        #expect(chunks.allSatisfy { $0.text.split(separator: "\n\n").allSatisfy { items.contains(String($0)) } })
        #expect(chunks.flatMap { $0.text.split(separator: "\n\n").map(String.init) } == items)
    }

    @Test func codeAndHeadingLikeLinesInsideItemsBelongToTheItem() {
        let list = "- install:\n\n  ```sh\n  # not a heading\n  make\n  ```\n- done\n  # nor this one"
        let chunks = MarkdownChunker().chunks(of: "# Steps\n\n" + list)
        #expect(chunks.map(\.headingPath) == [["Steps"]])
        #expect(chunks.map(\.text) == [list])
    }

    @Test func aListEndsAtAnUnindentedParagraphOrAThematicBreak() throws {
        let chunks = try makeChunker(maxTokens: 16, overlapTokens: 0).chunks(of: "- a\n- b\n\nPara graph words here.\n\n- c\n* * *\n- d")
        #expect(chunks.map(\.text).joined(separator: "\n\n") == "- a\n- b\n\nPara graph words here.\n\n- c\n\n- d")
    }

    @Test func anItemOverBudgetIsSplitByItsLines() throws {
        let item = "- big item\n" + (0..<20).map { "  - nested line \($0) of the big item" }.joined(separator: "\n")
        let chunks = try makeChunker(maxTokens: 30, overlapTokens: 5).chunks(of: item + "\n- small item")
        #expect(chunks.count > 2)
        #expect(chunks.allSatisfy { $0.tokens <= 30 })
        let chunkLines: [String] = chunks.flatMap { $0.text.split(separator: "\n").map(String.init) }
        let documentLines: [String] = (item + "\n- small item").split(separator: "\n").map(String.init)
        #expect(chunkLines == documentLines)
    }
}
