import AviaryKnowledge
import Testing

/// Markdown made of syntax fragments in random order (fixed seeds): whatever the parse, the chunks keep
/// their promises and nothing traps or loops.
@Suite("Markdown chunking of hostile input")
struct MarkdownChunkerHostileInputTests {
    static let fragments = [
        "#", "# ", "###### ", "####### ", "```", "```swift", "~~~", "````", "- ", "* ", "+ ", "1. ", "2) ", "> ", ">", "|",
        "| a | b |", "|---|---|", "| --- |", "---", "===", "***", "    ", "  ", "\t", "\n", "\n", "\n", "\r\n", "\r", "\n\n",
        "word", "words here", "Sentence.", "Another one! ", "e.g. ", "日本語", "。", "é", "e\u{301}", "\u{FEFF}", "\u{2028}",
        "*", "`", "\\|", " ", "[x]: https://example.com", "<div>", "<!-- c -->", "😀", "a.b", "…", "\"Quoted.\" ",
        String(repeating: "long", count: 40), String(repeating: "字", count: 60),
    ]

    private func document(seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        let count = Int.random(in: 0...600, using: &random)
        return (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
    }

    @Test(arguments: 1...40)
    func anyInputGivesChunksWithinBudget(seed: UInt64) throws {
        let markdown = document(seed: seed)
        for (maxTokens, overlapTokens) in [(16, 8), (30, 5), (120, 30)] {
            let chunks = try makeChunker(maxTokens: maxTokens, overlapTokens: overlapTokens).chunks(of: markdown)
            #expect(chunks.map(\.position) == Array(0..<chunks.count))
            for chunk in chunks {
                #expect(chunk.tokens <= maxTokens, "seed \(seed): \(chunk.text.debugDescription)")
                #expect(chunk.text.contains { !$0.isWhitespace }, "seed \(seed)")
                #expect(!chunk.text.hasPrefix("\n") && !chunk.text.hasSuffix("\n"), "seed \(seed): \(chunk.text.debugDescription)")
                #expect(!chunk.text.unicodeScalars.contains("\r"), "seed \(seed)")
                #expect(chunk.overlapLength < chunk.text.count)
                #expect(!chunk.headingPath.contains(""))
            }
        }
    }

    @Test func degenerateDocuments() throws {
        let small = try makeChunker(maxTokens: 16, overlapTokens: 4)
        let cases: [(String, [String])] = [
            ("```", []), ("~~~~", []), ("#", []), ("######", []), ("- ", ["-"]), (">", [">"]), ("|", ["|"]),
            ("1.", ["1."]), ("***", []), ("===", ["==="]), ("| a |\n| - |", ["| a |\n| - |"]), ("\t\tcode", ["\t\tcode"]),
        ]
        for (markdown, expected) in cases {
            #expect(small.chunks(of: markdown).map(\.text) == expected, "\(markdown.debugDescription)")
        }
    }
}
