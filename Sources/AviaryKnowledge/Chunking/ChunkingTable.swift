/// A pipe table: its header and delimiter rows, then its body rows.
struct ChunkingTable: Sendable, Hashable {
    /// The header row and the delimiter row, as written (trailing whitespace dropped).
    let header: [String]
    /// The body rows, as written (trailing whitespace dropped).
    let rows: [String]

    /// The table as Markdown.
    var text: String { part(rows[...]) }

    /// Some of the rows under the header.
    func part(_ rows: ArraySlice<String>) -> String {
        (header + rows).joined(separator: "\n")
    }
}
