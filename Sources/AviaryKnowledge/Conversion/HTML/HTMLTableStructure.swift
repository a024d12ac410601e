/// The rows and cells of an HTML table, in reading order: `thead` rows first, `tfoot` rows last.
struct HTMLTableStructure {
    struct Row {
        var cells: [HTMLNode]
    }

    var rows: [Row] = []
    /// `caption` elements.
    var captions: [HTMLNode] = []
    /// Other content found in the table (a browser shows it before the table).
    var strayContent: [HTMLNode] = []

    init(_ table: HTMLNode) {
        var head: [Row] = []
        var body: [Row] = []
        var foot: [Row] = []
        var child = table.firstChild
        while let current = child {
            child = current.nextSibling
            switch current.kind {
            case .text:
                if current.text.contains(where: { !$0.isWhitespace }) { strayContent.append(current) }
            case .other:
                continue
            case .element:
                let name = current.name
                if HTMLContentPolicy.isDropped(current, name: name) { continue }
                switch name {
                case "tr": body.append(Self.row(current))
                case "thead": head += Self.rows(in: current, stray: &strayContent)
                case "tbody": body += Self.rows(in: current, stray: &strayContent)
                case "tfoot": foot += Self.rows(in: current, stray: &strayContent)
                case "caption": captions.append(current)
                case "colgroup", "col": continue
                default: strayContent.append(current)
                }
            }
        }
        rows = head + body + foot
    }

    /// All cells, row by row.
    var cells: [HTMLNode] { rows.flatMap(\.cells) }

    /// Whether the table lays out a page rather than holding data: `role="presentation"`, a
    /// single cell, or a table inside a cell.
    func isLayout(_ table: HTMLNode) -> Bool {
        if let role = table.attribute("role")?.lowercased(), role == "presentation" || role == "none" { return true }
        if rows.reduce(0, { $0 + $1.cells.count }) <= 1 { return true }
        return rows.contains { row in
            row.cells.contains { cell in
                HTMLTraversal.firstElement(below: cell, pruning: HTMLContentPolicy.isDropped, where: { $0.name == "table" }) != nil
            }
        }
    }

    private static func rows(in section: HTMLNode, stray: inout [HTMLNode]) -> [Row] {
        var rows: [Row] = []
        for element in section.elementChildren {
            let name = element.name
            if HTMLContentPolicy.isDropped(element, name: name) { continue }
            if name == "tr" { rows.append(row(element)) } else { stray.append(element) }
        }
        return rows
    }

    private static func row(_ tr: HTMLNode) -> Row {
        Row(cells: tr.elementChildren.filter { cell in
            let name = cell.name
            return (name == "td" || name == "th") && !HTMLContentPolicy.isDropped(cell, name: name)
        })
    }
}
