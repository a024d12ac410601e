import AviaryKnowledge
import Testing

@Suite("Markdown chunking: tables")
struct MarkdownChunkerTableTests {
    private let header = "| Plan | Price | Notes |\n|:-----|------:|:-----:|"

    private func rows(_ count: Int) -> [String] {
        (0..<count).map { "| plan\($0) | \($0 * 10) | note \($0) |" }
    }

    @Test func aTableThatFitsIsKeptWhole() throws {
        let table = header + "\n" + rows(4).joined(separator: "\n")
        let chunks = try makeChunker(maxTokens: 400, overlapTokens: 50).chunks(of: "# Prices\n\n" + table + "\n\nAll prices in EUR.")
        #expect(chunks.map(\.text) == [table + "\n\nAll prices in EUR."])
    }

    @Test func aTableThatFitsOnlyAloneMovesToTheNextChunkWhole() throws {
        let table = header + "\n" + rows(5).joined(separator: "\n")
        let chunks = try makeChunker(maxTokens: 80, overlapTokens: 10).chunks(of: sentences(4) + "\n\n" + table)
        #expect(chunks.count == 2)
        #expect(chunks.last?.text.hasSuffix(table) == true)
        #expect(chunks.allSatisfy { $0.tokens <= 80 })
    }

    @Test func aTableOverBudgetIsSplitByRowsUnderItsHeader() throws {
        let body = rows(40)
        let chunks = try makeChunker(maxTokens: 50, overlapTokens: 10).chunks(of: header + "\n" + body.joined(separator: "\n") + "\n\nAfter the table.")
        let tableChunks = chunks.filter { $0.text.contains("| plan") }
        #expect(tableChunks.count > 3)
        var seen: [String] = []
        for chunk in tableChunks {
            #expect(chunk.tokens <= 50)
            #expect(chunk.text.hasPrefix(header + "\n"), "\(chunk.text)")
            seen += chunk.text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| plan") }
        }
        #expect(seen == body)
        #expect(chunks.last?.text.hasSuffix("After the table.") == true)
    }

    @Test func pipeTablesWithoutOuterPipesAndEscapedPipes() throws {
        let table = "a | b\n--- | ---\n1 | x \\| y\n2 | z"
        #expect(MarkdownChunker().chunks(of: table).map(\.text) == [table])
        // a delimiter row with a different number of cells makes no table: just a paragraph
        let notTable = "a | b | c\n|---|---|\n\nnext"
        #expect(MarkdownChunker().chunks(of: notTable).map(\.text) == ["a | b | c\n|---|---|\n\nnext"])
    }

    @Test func aTableEndsAtABlankLineOrAHeading() throws {
        let chunks = MarkdownChunker().chunks(of: header + "\n" + rows(2).joined(separator: "\n") + "\n## Next\nText.")
        #expect(chunks.map(\.headingPath) == [[], ["Next"]])
        #expect(chunks.first?.text == header + "\n" + rows(2).joined(separator: "\n"))
    }
}
