import Foundation

/// A GitHub-flavoured pipe table, split into several tables of at most ``rowsPerTable`` rows,
/// each repeating the header, so a chunker can cut a long table between them.
struct MarkdownTable {
    /// The most body rows in one table.
    static let rowsPerTable = 50

    var header: [String]
    var rows: [[String]]

    /// The table as Markdown: one line per row, cells on one line with `|` escaped, short rows
    /// padded with empty cells.
    func render(rowsPerTable: Int = MarkdownTable.rowsPerTable) -> String {
        let width = max(1, rows.reduce(header.count) { max($0, $1.count) })
        let headerLine = Self.line(header, width: width)
        let delimiter = "|" + String(repeating: " --- |", count: width)
        guard !rows.isEmpty else { return headerLine + "\n" + delimiter }
        var tables: [String] = []
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + max(1, rowsPerTable))
            let body = rows[start..<end].map { Self.line($0, width: width) }
            tables.append(([headerLine, delimiter] + body).joined(separator: "\n"))
            start = end
        }
        return tables.joined(separator: "\n\n")
    }

    private static func line(_ cells: [String], width: Int) -> String {
        var line = "|"
        for column in 0..<width {
            let cell = column < cells.count ? escape(cells[column]) : ""
            line += cell.isEmpty ? "  |" : " \(cell) |"
        }
        return line
    }

    /// A cell's text on one line (line breaks and tabs become spaces), its pipes escaped.
    static func escape(_ cell: String) -> String {
        var text = ""
        for character in cell {
            if character.isNewline || character == "\t" {
                text += " "
            } else {
                if character == "|" { text += "\\" }
                text.append(character)
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
