/// The title of a Markdown document: its first level-1 ATX heading (`# Title`), not counting
/// lines in fenced code blocks or YAML front matter.
enum MarkdownTitle {
    static func firstHeading(in markdown: String) -> String? {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)[...]
        if lines.first?.trimmingWhitespace() == "---" {
            // Front matter: up to the closing `---` or `...`.
            if let end = lines.dropFirst().firstIndex(where: { line in
                let trimmed = line.trimmingWhitespace()
                return trimmed == "---" || trimmed == "..."
            }) {
                lines = lines[(end + 1)...]
            }
        }
        var fence: (character: Character, length: Int)?
        for line in lines {
            let indent = line.prefix(while: { $0 == " " }).count
            guard indent <= 3 else { continue }
            let content = line.dropFirst(indent)
            if let marker = content.first, marker == "`" || marker == "~" {
                let length = content.prefix(while: { $0 == marker }).count
                if let open = fence {
                    if marker == open.character, length >= open.length,
                       content.dropFirst(length).allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                        fence = nil
                    }
                } else if length >= 3 {
                    fence = (marker, length)
                }
                continue
            }
            guard fence == nil, content.hasPrefix("#") else { continue }
            let afterHash = content.dropFirst()
            guard afterHash.isEmpty || afterHash.first == " " || afterHash.first == "\t" else { continue }
            var title = afterHash.trimmingWhitespace()
            // An optional closing sequence: spaces then `#`s.
            let closing = title.reversed().prefix(while: { $0 == "#" }).count
            if closing > 0, closing == title.count || title.dropLast(closing).last == " " {
                title = title.dropLast(closing).trimmingWhitespace()
            }
            if !title.isEmpty { return String(title) }
        }
        return nil
    }
}
