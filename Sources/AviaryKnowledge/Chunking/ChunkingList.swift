/// A list as its top-level items; nested lists and continuation lines belong to their item.
struct ChunkingList: Sendable, Hashable {
    /// One top-level item.
    struct Item: Sendable, Hashable {
        /// The item's lines as written (trailing whitespace dropped), from its marker line; no trailing blank lines.
        let lines: [String]
        /// What separated it from the previous item: `"\n"`, or `"\n\n"` after blank lines (a loose list).
        let separator: String

        var text: String { lines.joined(separator: "\n") }
    }

    let items: [Item]

    /// The list as Markdown.
    var text: String {
        var text = ""
        for (index, item) in items.enumerated() {
            if index > 0 { text += item.separator }
            text += item.text
        }
        return text
    }
}
