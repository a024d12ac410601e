/// A Markdown document as lines: line endings normalized, a leading byte-order mark and YAML front matter dropped.
enum ChunkingSource {
    /// The document's lines. `\r\n`, `\r` and `\n` all end a line. Front matter is a `---` first line up to
    /// the next `---` or `...` line, when what is between starts with a YAML key (`title: …`); otherwise
    /// the `---` is an ordinary thematic break and nothing is dropped.
    static func lines(of markdown: String) -> [ChunkingLine] {
        var lines = splitLines(markdown)
        if let first = lines.first, first.withoutSurroundingWhitespace() == "---",
           let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.withoutSurroundingWhitespace()) }),
           lines[1..<end].first(where: { !$0.allSatisfy(\.isWhitespace) }).map(startsWithYAMLKey) ?? true {
            lines.removeSubrange(0...end)
        }
        return lines.map(ChunkingLine.init)
    }

    /// `key:` followed by whitespace or the end of the line, the key starting with a letter, digit, `_` or a quote.
    private static func startsWithYAMLKey(_ line: String) -> Bool {
        guard let first = line.first, first.isLetter || first.isNumber || first == "_" || first == "\"" || first == "'",
              let colon = line.firstIndex(of: ":") else { return false }
        let after = line.index(after: colon)
        return after == line.endIndex || line[after].isWhitespace
    }

    /// Splits on line endings by Unicode scalar: Swift treats `\r\n` as one `Character`.
    private static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var previousWasCR = false
        for scalar in scalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
