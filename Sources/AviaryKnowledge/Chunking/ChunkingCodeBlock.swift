/// A fenced code block: its opening line (with the info string), its lines, and its closing line.
struct ChunkingCodeBlock: Sendable, Hashable {
    /// The opening fence line as written (```` ```swift ````).
    let opening: String
    /// The code, line by line.
    let lines: [String]
    /// The closing fence line: as written, or made from the opening when the block runs to the end of the
    /// document unclosed (so every chunk is well-formed Markdown).
    let closing: String
    /// Whether the document closed the block.
    let isClosed: Bool

    /// Creates a block; `closing` nil means it was never closed.
    init(opening: String, fence: ChunkingFence, lines: [String], closing: String?) {
        self.opening = opening
        self.lines = lines
        self.closing = closing ?? String(repeating: " ", count: fence.indent) + String(repeating: fence.marker, count: fence.length)
        self.isClosed = closing != nil
    }

    /// The block as Markdown.
    var text: String { part(lines[...]) }

    /// Some of the lines, fenced like the whole block.
    func part(_ lines: ArraySlice<String>) -> String {
        ([opening] + lines + [closing]).joined(separator: "\n")
    }
}
