/// One block of Markdown output (a paragraph, heading, list, code block, table, quote or rule).
struct MarkdownBlock {
    enum Kind: Equatable {
        case paragraph, heading, code, table, quote, rule
        /// A list; only a bullet list or one numbered from 1 may directly follow a paragraph line
        /// (CommonMark), which decides how a list item joins its text and a nested list.
        case list(interruptsParagraph: Bool)
    }

    var kind: Kind
    /// The block's Markdown, without leading or trailing blank lines.
    var text: String

    /// The Markdown of `blocks`, one blank line between blocks.
    static func join(_ blocks: [MarkdownBlock]) -> String {
        blocks.map(\.text).joined(separator: "\n\n")
    }

    /// `blocks` as one list item: `marker` before the first line, the others indented to match.
    /// A nested list follows its item's text directly, keeping the list tight.
    static func listItem(_ blocks: [MarkdownBlock], marker: String) -> String {
        var text = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 {
                let tight = blocks[index - 1].kind == .paragraph && block.kind == .list(interruptsParagraph: true)
                text += tight ? "\n" : "\n\n"
            }
            text += block.text
        }
        let indent = String(repeating: " ", count: marker.count)
        return prefixLines(text, first: marker, rest: indent)
    }

    /// `blocks` as a block quote.
    static func quote(_ blocks: [MarkdownBlock]) -> String {
        prefixLines(join(blocks), first: "> ", rest: "> ")
    }

    /// Prefixes the first line of `text` with `first` and the others with `rest`; blank lines
    /// get the prefix without its trailing spaces.
    static func prefixLines(_ text: String, first: String, rest: String) -> String {
        var lines: [Substring] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let prefix = index == 0 ? first : rest
            if line.isEmpty {
                lines.append(Substring(prefix).trimmingTrailingSpaces())
            } else {
                lines.append(Substring(prefix + line))
            }
        }
        return lines.joined(separator: "\n")
    }
}
