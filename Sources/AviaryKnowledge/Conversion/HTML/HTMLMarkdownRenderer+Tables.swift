/// Tables: GitHub pipe tables, the first row (the `thead` row when there is one) as the header,
/// each cell's content on one line; layout tables as their cells' content.
extension HTMLMarkdownRenderer {
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
