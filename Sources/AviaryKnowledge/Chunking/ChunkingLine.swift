/// One line of a Markdown document with its indentation measured (a tab advances to the next multiple of 4).
///
/// The classifiers below answer "could this line start that kind of block?" for a line of the top-level
/// container; the block parser decides what the line means in context.
struct ChunkingLine: Sendable, Hashable {
    /// The line as written, without its line ending.
    let raw: String
    /// Columns of leading whitespace.
    let indent: Int
    /// The line after its leading whitespace.
    let content: Substring

    init(_ raw: String) {
        self.raw = raw
        var columns = 0
        var index = raw.startIndex
        while index < raw.endIndex, raw[index] == " " || raw[index] == "\t" {
            columns = raw[index] == "\t" ? (columns / 4 + 1) * 4 : columns + 1
            index = raw.index(after: index)
        }
        indent = columns
        content = raw[index...]
    }

    /// The same line seen from inside a container whose content starts `columns` to the right.
    private init(raw: String, indent: Int, content: Substring) {
        self.raw = raw
        self.indent = indent
        self.content = content
    }

    func outdented(by columns: Int) -> ChunkingLine {
        ChunkingLine(raw: raw, indent: max(0, indent - columns), content: content)
    }

    var isBlank: Bool { content.allSatisfy(\.isWhitespace) }

    /// The line as written, without trailing whitespace (a hard line break means nothing to retrieval).
    var rawTrimmingTrailingWhitespace: String {
        String(raw[..<(raw.lastIndex { !$0.isWhitespace }.map(raw.index(after:)) ?? raw.startIndex)])
    }

    /// `#`…`######` then a space, a tab or the end of the line; the text without the optional closing `#`s.
    var atxHeading: (level: Int, text: String)? {
        guard indent <= 3 else { return nil }
        let hashes = content.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        var rest = content.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        rest = rest.withoutSurroundingWhitespace()
        let closing = rest.reversed().prefix { $0 == "#" }.count
        if closing == rest.count {
            rest = rest.prefix(0)
        } else if closing > 0 {
            let beforeClosing = rest.dropLast(closing)
            if let last = beforeClosing.last, last == " " || last == "\t" { rest = beforeClosing.withoutSurroundingWhitespace() }
        }
        return (hashes.count, String(rest))
    }

    /// A code fence opening: three or more backticks or tildes, then an info string (without backticks
    /// after a backtick fence).
    var fenceOpening: ChunkingFence? {
        guard indent <= 3, let marker = content.first, marker == "`" || marker == "~" else { return nil }
        let run = content.prefix { $0 == marker }
        guard run.count >= 3 else { return nil }
        let info = content.dropFirst(run.count)
        if marker == "`" && info.contains("`") { return nil }
        return ChunkingFence(marker: marker, length: run.count, indent: indent)
    }

    /// Whether this line closes `fence`: the same character, at least as many, nothing after but spaces.
    func closes(_ fence: ChunkingFence) -> Bool {
        guard indent <= 3 else { return false }
        let run = content.prefix { $0 == fence.marker }
        return run.count >= fence.length && content.dropFirst(run.count).allSatisfy(\.isWhitespace)
    }

    /// `***`, `---` or `___` (three or more, spaces allowed between).
    var isThematicBreak: Bool {
        guard indent <= 3, let marker = content.first, marker == "*" || marker == "-" || marker == "_" else { return false }
        var count = 0
        for character in content {
            if character == marker { count += 1 } else if character != " " && character != "\t" { return false }
        }
        return count >= 3
    }

    /// `===` (level 1) or `---` (level 2) under a paragraph.
    var setextLevel: Int? {
        guard indent <= 3, let marker = content.first, marker == "=" || marker == "-" else { return nil }
        let rest = content.drop { $0 == marker }
        guard rest.allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        return marker == "=" ? 1 : 2
    }

    var isQuoteStart: Bool { indent <= 3 && content.first == ">" }

    /// A list item marker (`-`, `+`, `*`, `1.`, `1)`) followed by whitespace or the end of the line.
    var listMarker: ChunkingListMarker? {
        guard indent <= 3, let first = content.first else { return nil }
        let markerLength: Int
        let kind: ChunkingListMarker.Kind
        if first == "-" || first == "+" || first == "*" {
            markerLength = 1
            kind = .bullet(first)
        } else {
            let digits = content.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), let delimiter = content.dropFirst(digits.count).first,
                  delimiter == "." || delimiter == ")" else { return nil }
            markerLength = digits.count + 1
            kind = .ordered(delimiter: delimiter, start: Int(digits) ?? 0)
        }
        let afterMarker = content.dropFirst(markerLength)
        guard afterMarker.isEmpty || afterMarker.first == " " || afterMarker.first == "\t" else { return nil }
        let spaces = afterMarker.prefix { $0 == " " || $0 == "\t" }.count
        let isEmpty = afterMarker.allSatisfy(\.isWhitespace)
        let padding = isEmpty || spaces > 4 ? 1 : spaces
        return ChunkingListMarker(kind: kind, markerLength: markerLength, contentIndent: indent + markerLength + padding, isEmpty: isEmpty)
    }

    /// A table delimiter row (`| --- | :-: |`); it must contain a pipe, so it is never a setext underline.
    var tableDelimiterCells: Int? {
        guard indent <= 3, content.contains("|") else { return nil }
        let cells = Self.cells(of: content)
        guard !cells.isEmpty else { return nil }
        for cell in cells {
            var body = cell.withoutSurroundingWhitespace()
            if body.first == ":" { body = body.dropFirst() }
            if body.last == ":" { body = body.dropLast() }
            guard !body.isEmpty, body.allSatisfy({ $0 == "-" }) else { return nil }
        }
        return cells.count
    }

    /// The cells of a table row: split on unescaped pipes, outer pipes dropped.
    var tableCellCount: Int { Self.cells(of: content).count }

    private static func cells(of row: Substring) -> [Substring] {
        var body = row.withoutSurroundingWhitespace()
        if body.first == "|" { body = body.dropFirst() }
        if body.last == "|" && !body.dropLast().hasSuffix("\\") { body = body.dropLast() }
        var cells: [Substring] = []
        var start = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            if body[index] == "\\" {
                index = body.index(after: index)
                if index < body.endIndex { index = body.index(after: index) }
                continue
            }
            if body[index] == "|" {
                cells.append(body[start..<index])
                start = body.index(after: index)
            }
            index = body.index(after: index)
        }
        cells.append(body[start...])
        return cells
    }
}
