/// A piece of a section that goes into a chunk whole: a block that fits, or a piece of one that does not.
struct ChunkAtom: Sendable, Hashable {
    /// The piece's Markdown.
    let text: String
    /// What joins it to the piece before it in the same chunk: `"\n\n"` between blocks; between the pieces
    /// of one paragraph the whitespace that was there (or nothing, inside a word too long for a chunk);
    /// `"\n"` or `"\n\n"` between list items and between lines.
    let separator: String
    /// A piece of a paragraph: the next chunk of the section may start with its tail.
    let isProse: Bool
    /// Continues the same paragraph as the piece before it.
    let continuesParagraph: Bool

    /// A whole block, or the first piece of one.
    static func block(_ text: String, isProse: Bool = false) -> ChunkAtom {
        ChunkAtom(text: text, separator: "\n\n", isProse: isProse, continuesParagraph: false)
    }
}
