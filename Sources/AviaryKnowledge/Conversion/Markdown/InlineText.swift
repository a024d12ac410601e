/// How text is escaped as it becomes Markdown.
enum TextEscaping {
    /// Characters that would start emphasis or code (`*`, `` ` ``, `_` at a word boundary, a
    /// backslash before punctuation) are backslash-escaped.
    case markdown
    /// As `markdown`, and brackets too: the text goes between a link's `[` and `]`.
    case linkText
    /// Verbatim (code spans, titles).
    case none
}

/// The inline Markdown of one paragraph (or heading, table cell, link text) being assembled.
///
/// Whitespace collapses as in HTML: a run of spaces, tabs, newlines or no-break spaces becomes
/// one space, none at the start, and a trailing one stays pending until more text comes, so the
/// text never ends with whitespace. Soft hyphens, zero-width spaces and byte order marks go.
struct InlineText {
    private enum Pending { case none, space, lineBreak }

    /// The Markdown so far, without leading or trailing whitespace.
    private(set) var text = ""
    private var pending = Pending.none
    /// Whether whitespace came before the first text (it matters when this is spliced into another).
    private(set) var leadingSpace = false

    var isEmpty: Bool { text.isEmpty }

    /// Appends a space (collapsing with any before it).
    mutating func appendSpace() {
        if text.isEmpty {
            leadingSpace = true
        } else if pending == .none {
            pending = .space
        }
    }

    /// Appends a hard line break (written as two trailing spaces once more text follows).
    mutating func appendLineBreak() {
        if text.isEmpty {
            leadingSpace = true
        } else {
            pending = .lineBreak
        }
    }

    /// Appends Markdown syntax verbatim (`**`, `[`, `](url)`).
    mutating func appendMarkup(_ markup: String) {
        guard !markup.isEmpty else { return }
        writePending()
        text += markup
    }

    /// Appends text from the document, collapsing whitespace and escaping as `escaping` says.
    mutating func appendText(_ raw: String, escaping: TextEscaping) {
        let scalars = raw.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}", "\u{A0}":
                appendSpace()
            case "\u{AD}", "\u{200B}", "\u{FEFF}":
                continue
            default:
                writePending()
                if escaping != .none {
                    let next = index == scalars.endIndex ? nil : scalars[index]
                    if needsEscape(scalar, next: next, escaping: escaping) { text.unicodeScalars.append("\\") }
                }
                text.unicodeScalars.append(scalar)
            }
        }
    }

    /// Appends `inner`, wrapped in `open` and `close` (emphasis, link syntax) when it has text,
    /// keeping its outer whitespace outside the wrapping (`a <b> b </b> c` is `a **b** c`).
    mutating func append(_ inner: InlineText, open: String = "", close: String = "") {
        if inner.leadingSpace { appendSpace() }
        if !inner.text.isEmpty { appendMarkup(open + inner.text + close) }
        switch inner.pending {
        case .none: break
        case .space: appendSpace()
        case .lineBreak: appendLineBreak()
        }
    }

    private mutating func writePending() {
        switch pending {
        case .none: return
        case .space: text += " "
        case .lineBreak: text += "  \n"
        }
        pending = .none
    }

    private func needsEscape(_ scalar: Unicode.Scalar, next: Unicode.Scalar?, escaping: TextEscaping) -> Bool {
        switch scalar {
        case "*", "`":
            return true
        case "[", "]":
            return escaping == .linkText
        case "_":
            // Only at a word boundary: `snake_case` cannot start emphasis.
            let previous = pending == .none ? text.unicodeScalars.last : nil
            return !Self.isWordCharacter(previous) || !Self.isWordCharacter(next)
        case "\\":
            guard let next else { return true }
            // CommonMark escapes exactly the ASCII punctuation characters.
            return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(next)
        default:
            return false
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
