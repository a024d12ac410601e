/// Tables: GitHub pipe tables, the first row (the `thead` row when there is one) as the header,
/// each cell's content on one line; layout tables as their cells' content.
extension HTMLMarkdownRenderer {
    /// The most columns one cell's `colspan` may fill.
    static let maximumColspan = 32

    mutating func renderTable(_ table: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        guard !sink.flattening else { return renderAsBlock(table, into: &sink, context) }
        let structure = HTMLTableStructure(table)
        // thead/tbody > tr > td: cells are three levels below the table.
        let cellContext = context.descending(by: 2)
        for caption in structure.captions { renderAsBlock(caption, into: &sink, cellContext) }
        for node in structure.strayContent { renderStrayTableContent(node, into: &sink, context) }
        if structure.isLayout(table) {
            for cell in structure.cells { renderAsBlock(cell, into: &sink, cellContext) }
        } else {
            var rows = MarkdownTableBuilder()
            for row in structure.rows { renderRow(row, into: &rows, cellContext) }
            if let block = rows.finish() { sink.append(block) }
        }
    }

    private mutating func renderStrayTableContent(_ node: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        sink.endParagraph()
        renderNode(node, into: &sink, context)
        sink.endParagraph()
    }

    private mutating func renderRow(_ row: HTMLTableStructure.Row, into rows: inout MarkdownTableBuilder, _ context: Context) {
        rows.startRow()
        for cell in row.cells {
            var text = MarkdownSink(flattening: true)
            renderChildren(of: cell, into: &text, context)
            rows.addCell(text.inline.text, colspan: cell.attribute("colspan"))
        }
    }
}

/// The rows of a Markdown table being rendered.
struct MarkdownTableBuilder {
    private var rows: [[String]] = []

    mutating func startRow() { rows.append([]) }

    /// Adds a cell to the current row, and empty ones after it for a `colspan` over 1.
    mutating func addCell(_ text: String, colspan: String?) {
        let span = colspan.flatMap { Int($0.trimmingWhitespace()) } ?? 1
        rows[rows.count - 1].append(text)
        rows[rows.count - 1] += Array(repeating: "", count: min(max(span, 1), HTMLMarkdownRenderer.maximumColspan) - 1)
    }

    /// The table block (empty rows left out, the first row the header), nil when no cell has text.
    func finish() -> MarkdownBlock? {
        let rows = rows.filter { $0.contains { !$0.isEmpty } }
        guard let header = rows.first else { return nil }
        return MarkdownBlock(kind: .table, text: MarkdownTable(header: header, rows: Array(rows.dropFirst())).render())
    }
}
