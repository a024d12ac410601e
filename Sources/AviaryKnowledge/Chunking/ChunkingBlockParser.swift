/// Reads a document's lines into its top-level blocks: CommonMark's block structure, simplified to what
/// chunking needs (containers other than lists and quotes are not parsed inside).
struct ChunkingBlockParser {
    private let lines: [ChunkingLine]
    private var index = 0

    private init(lines: [ChunkingLine]) { self.lines = lines }

    /// The blocks of `lines`, in order. Thematic breaks and fenced code blocks with no code are left out.
    static func blocks(of lines: [ChunkingLine]) -> [ChunkingBlock] {
        var parser = ChunkingBlockParser(lines: lines)
        return parser.parse()
    }

    private mutating func parse() -> [ChunkingBlock] {
        var blocks: [ChunkingBlock] = []
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                index += 1
            } else if let fence = line.fenceOpening {
                if let code = fencedCode(fence) { blocks.append(.fencedCode(code)) }
            } else if let heading = line.atxHeading {
                blocks.append(.heading(level: heading.level, text: heading.text))
                index += 1
            } else if line.isThematicBreak {
                index += 1
            } else if line.isQuoteStart {
                blocks.append(.quote(quote()))
            } else if startsTable(at: index) {
                blocks.append(.table(table()))
            } else if let marker = line.listMarker {
                blocks.append(.list(list(marker)))
            } else if line.indent >= 4 {
                blocks.append(.indentedCode(indentedCode()))
            } else {
                blocks.append(paragraphOrSetextHeading())
            }
        }
        return blocks
    }

    /// A fenced block up to its closing fence, or to the end of the document; nil when it holds no code.
    private mutating func fencedCode(_ fence: ChunkingFence) -> ChunkingCodeBlock? {
        let opening = lines[index].raw
        index += 1
        var code: [String] = []
        var closing: String?
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.closes(fence) {
                closing = line.raw
                break
            }
            code.append(line.raw)
        }
        if code.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return nil }
        return ChunkingCodeBlock(opening: opening, fence: fence, lines: code, closing: closing)
    }

    /// Lines up to a blank line, a setext underline (the lines are then a heading) or a block that can
    /// interrupt a paragraph.
    private mutating func paragraphOrSetextHeading() -> ChunkingBlock {
        var text = [lines[index].content]
        index += 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { break }
            if let level = line.setextLevel {
                index += 1
                return .heading(level: level, text: text.map { String($0.withoutSurroundingWhitespace()) }.joined(separator: " "))
            }
            if interruptsParagraph(at: index) { break }
            text.append(line.content)
            index += 1
        }
        return .paragraph(String(text.joined(separator: "\n").withoutSurroundingWhitespace()))
    }

    /// `>` lines and their lazy continuation lines, up to a blank line.
    private mutating func quote() -> [String] {
        var quoted = [lines[index].rawTrimmingTrailingWhitespace]
        index += 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || (!line.isQuoteStart && interruptsParagraph(at: index)) { break }
            quoted.append(line.rawTrimmingTrailingWhitespace)
            index += 1
        }
        return quoted
    }

    /// Lines indented four or more columns, and the blank lines between them.
    private mutating func indentedCode() -> [String] {
        var code: [String] = []
        while index < lines.count, lines[index].isBlank || lines[index].indent >= 4 {
            code.append(lines[index].isBlank ? "" : lines[index].raw)
            index += 1
        }
        while code.last == "" { code.removeLast() }
        return code
    }

    /// A header row whose next line is a delimiter row with as many cells.
    private func startsTable(at position: Int) -> Bool {
        guard position + 1 < lines.count, lines[position].indent <= 3, lines[position].content.contains("|"),
              let cells = lines[position + 1].tableDelimiterCells else { return false }
        return cells == lines[position].tableCellCount
    }

    /// The header, the delimiter row, and rows up to a blank line or another block.
    private mutating func table() -> ChunkingTable {
        let header = [lines[index].rawTrimmingTrailingWhitespace, lines[index + 1].rawTrimmingTrailingWhitespace]
        index += 2
        var rows: [String] = []
        while index < lines.count {
            let line = lines[index]
            if line.isBlank || line.atxHeading != nil || line.fenceOpening != nil || line.isQuoteStart
                || line.isThematicBreak || line.listMarker != nil { break }
            rows.append(line.rawTrimmingTrailingWhitespace)
            index += 1
        }
        return ChunkingTable(header: header, rows: rows)
    }

    /// Items with the same kind of marker, each with its nested content (lines indented to its content
    /// column), lazy continuation lines and the blank lines inside it.
    private mutating func list(_ firstMarker: ChunkingListMarker) -> ChunkingList {
        var items: [ChunkingList.Item] = []
        var itemLines: [String] = []
        var separator = "\n"
        var marker = firstMarker
        var openFence: ChunkingFence?
        var blankLines = 0

        func finishItem() {
            while itemLines.last == "" { itemLines.removeLast() }
            items.append(ChunkingList.Item(lines: itemLines, separator: separator))
        }
        func startItem(_ line: ChunkingLine, _ itemMarker: ChunkingListMarker) {
            itemLines = [line.rawTrimmingTrailingWhitespace]
            marker = itemMarker
            openFence = ChunkingLine(String(line.content.dropFirst(itemMarker.markerLength))).fenceOpening
        }

        startItem(lines[index], firstMarker)
        index += 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                blankLines += 1
                itemLines.append("")
            } else if line.indent >= marker.contentIndent {
                let inner = line.outdented(by: marker.contentIndent)
                if let fence = openFence {
                    if inner.closes(fence) { openFence = nil }
                } else {
                    openFence = inner.fenceOpening
                }
                itemLines.append(line.rawTrimmingTrailingWhitespace)
                blankLines = 0
            } else if let next = line.listMarker, !line.isThematicBreak {
                guard next.continuesList(of: firstMarker) else { break }
                finishItem()
                separator = blankLines > 0 ? "\n\n" : "\n"
                startItem(line, next)
                blankLines = 0
            } else if blankLines == 0, openFence == nil, !interruptsParagraph(at: index) {
                itemLines.append(line.rawTrimmingTrailingWhitespace)
            } else {
                break
            }
            index += 1
        }
        finishItem()
        return ChunkingList(items: items)
    }

    /// Whether the line at `position` starts a block that ends a paragraph before it.
    private func interruptsParagraph(at position: Int) -> Bool {
        let line = lines[position]
        return line.fenceOpening != nil || line.atxHeading != nil || line.isThematicBreak || line.isQuoteStart
            || (line.listMarker?.canInterruptParagraph ?? false) || startsTable(at: position)
    }
}
