/// Where rendered Markdown goes: finished blocks plus the paragraph being assembled.
///
/// A flattening sink (table cells, headings, definition terms) keeps everything on one line:
/// paragraph boundaries become spaces and no blocks are made.
struct MarkdownSink {
    let flattening: Bool
    private(set) var blocks: [MarkdownBlock] = []
    /// The paragraph being assembled.
    var inline = InlineText()

    init(flattening: Bool) { self.flattening = flattening }

    /// Ends the current paragraph (a space when flattening).
    mutating func endParagraph() {
        if flattening {
            inline.appendSpace()
            return
        }
        if !inline.isEmpty {
            blocks.append(MarkdownBlock(kind: .paragraph, text: MarkdownEscaping.escapingLineStarts(inline.text)))
        }
        inline = InlineText()
    }

    /// Ends the current paragraph and adds `block`. A rule is left out at the start or after
    /// another rule.
    mutating func append(_ block: MarkdownBlock) {
        endParagraph()
        if block.kind == .rule, blocks.isEmpty || blocks.last?.kind == .rule { return }
        blocks.append(block)
    }

    /// Takes in a sink rendered separately that turned out to hold blocks (an element meant to be
    /// inline, such as a link, wrapping paragraphs): its blocks follow, its open paragraph continues.
    mutating func absorb(_ other: MarkdownSink) {
        endParagraph()
        for block in other.blocks { append(block) }
        inline = other.inline
    }

    /// The finished blocks, without a trailing rule.
    mutating func finish() -> [MarkdownBlock] {
        endParagraph()
        while blocks.last?.kind == .rule { blocks.removeLast() }
        return blocks
    }
}
