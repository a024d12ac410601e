/// The rows of a Markdown table being rendered.
struct MarkdownTableBuilder {
    /// The most columns one cell's `colspan` may fill.
    static let maximumColspan = 32

    private var rows: [[String]] = []

    mutating func startRow() { rows.append([]) }

    /// Adds a cell to the current row, and empty ones after it for a `colspan` over 1.
    mutating func addCell(_ text: String, colspan: String?) {
        let span = colspan.flatMap { Int($0.trimmingWhitespace()) } ?? 1
        rows[rows.count - 1].append(text)
        rows[rows.count - 1] += Array(repeating: "", count: min(max(span, 1), Self.maximumColspan) - 1)
    }

    /// The table block (empty rows left out, the first row the header), nil when no cell has text.
    func finish() -> MarkdownBlock? {
        let rows = rows.filter { $0.contains { !$0.isEmpty } }
        guard let header = rows.first else { return nil }
        return MarkdownBlock(kind: .table, text: MarkdownTable(header: header, rows: Array(rows.dropFirst())).render())
    }
}
