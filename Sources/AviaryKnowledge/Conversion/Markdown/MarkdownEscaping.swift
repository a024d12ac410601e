import Foundation

/// Escapes that keep text from turning into Markdown syntax, and fences for code.
enum MarkdownEscaping {
    /// `paragraph` with each line that would start a block (`# `, `> `, `- `, `1. `, `---`, `<div`)
    /// escaped, so it stays a paragraph.
    static func escapingLineStarts(_ paragraph: String) -> String {
        guard paragraph.contains("\n") else { return escapingLineStart(paragraph) }
        return paragraph.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escapingLineStart(String($0)) }
            .joined(separator: "\n")
    }

    static func escapingLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        switch first {
        case "#":
            let hashes = line.prefix(while: { $0 == "#" })
            let rest = line.dropFirst(hashes.count)
            return hashes.count <= 6 && (rest.isEmpty || rest.first == " ") ? "\\" + line : line
        case ">":
            return "\\" + line
        case "-", "+", "=", "~":
            let second = line.dropFirst().first
            let markerOnly = line.allSatisfy { $0 == first || $0 == " " }
            let fence = first == "~" && line.hasPrefix("~~~")
            let listMarker = first != "=" && first != "~" && (second == nil || second == " ")
            return markerOnly || fence || listMarker ? "\\" + line : line
        case "<":
            guard let second = line.dropFirst().first, second.isLetter || second == "/" || second == "!" || second == "?"
            else { return line }
            return "\\" + line
        case "0"..."9":
            let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
            let rest = line.dropFirst(digits.count)
            guard digits.count <= 9, let marker = rest.first, marker == "." || marker == ")" else { return line }
            let after = rest.dropFirst()
            guard after.isEmpty || after.first == " " else { return line }
            return String(digits) + "\\" + rest
        default:
            return line
        }
    }

    /// Heading text whose trailing `#`s would be read as a closing sequence gets them escaped.
    static func headingText(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "  \n", with: " ")
        guard flat.hasSuffix("#") else { return flat }
        let hashes = flat.reversed().prefix(while: { $0 == "#" }).count
        let body = flat.dropLast(hashes)
        guard body.isEmpty || body.hasSuffix(" ") else { return flat }
        return String(body) + "\\" + String(repeating: "#", count: hashes)
    }

    /// The longest run of `character` in `text`.
    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for c in text {
            if c == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }

    /// A fenced code block, its fence longer than any run of backticks in `code`.
    static func fencedCode(_ code: String, language: String?) -> String {
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: code) + 1))
        return "\(fence)\(language ?? "")\n\(code)\n\(fence)"
    }

    /// The delimiters of a code span around `code`: backticks outnumbering any run inside, and a
    /// space inside them when the code starts or ends with a backtick.
    static func codeSpanDelimiters(for code: String) -> (open: String, close: String) {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        let padded = code.hasPrefix("`") || code.hasSuffix("`")
        return padded ? (fence + " ", " " + fence) : (fence, fence)
    }
}
