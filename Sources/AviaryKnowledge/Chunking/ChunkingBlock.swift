/// A top-level block of a Markdown document, as the chunker sees it.
enum ChunkingBlock: Sendable, Hashable {
    /// An ATX or setext heading; `text` is empty for a heading without text.
    case heading(level: Int, text: String)
    /// A paragraph, its lines without their leading whitespace.
    case paragraph(String)
    /// A fenced code block.
    case fencedCode(ChunkingCodeBlock)
    /// An indented code block, its lines as written.
    case indentedCode([String])
    /// A pipe table.
    case table(ChunkingTable)
    /// A list, as its top-level items.
    case list(ChunkingList)
    /// A block quote, its lines as written (trailing whitespace dropped).
    case quote([String])

    /// The block as Markdown.
    var text: String {
        switch self {
        case .heading(let level, let text): String(repeating: "#", count: level) + (text.isEmpty ? "" : " " + text)
        case .paragraph(let text): text
        case .fencedCode(let code): code.text
        case .indentedCode(let lines): lines.joined(separator: "\n")
        case .table(let table): table.text
        case .list(let list): list.text
        case .quote(let lines): lines.joined(separator: "\n")
        }
    }
}
