/// The text of a subtree, gathered without recursion (so it also serves for content nested
/// deeper than the renderer descends).
enum HTMLText {
    /// Appends the text of `element` (not dropped) to `inline` as one run, as ``append(below:to:escaping:)``.
    static func append(_ element: HTMLNode, to inline: inout InlineText, escaping: TextEscaping) {
        let kind = HTMLElementKind(name: element.name)
        enter(element, kind: kind, into: &inline, escaping: escaping)
        append(below: element, to: &inline, escaping: escaping)
        if kind.isBlockLevel { inline.appendSpace() }
    }

    /// Appends the text below `node` to `inline` as one run: whitespace collapsed, dropped
    /// elements skipped, block boundaries and line breaks as spaces, meaningful image text kept.
    static func append(below node: HTMLNode, to inline: inout InlineText, escaping: TextEscaping) {
        HTMLTraversal.walk(below: node, enter: { child in
            switch child.kind {
            case .text:
                inline.appendText(child.text, escaping: escaping)
                return .skip
            case .other:
                return .skip
            case .element:
                let name = child.name
                if HTMLContentPolicy.isDropped(child, name: name) { return .skip }
                enter(child, kind: HTMLElementKind(name: name), into: &inline, escaping: escaping)
                return .descend
            }
        }, leave: { element in
            if HTMLElementKind(name: element.name).isBlockLevel { inline.appendSpace() }
        })
    }

    /// What an element contributes before its content: a space for a block or line break, an
    /// image's text.
    private static func enter(_ element: HTMLNode, kind: HTMLElementKind, into inline: inout InlineText, escaping: TextEscaping) {
        switch kind {
        case .lineBreak:
            inline.appendSpace()
        case .image:
            if let text = imageText(element) {
                inline.appendSpace()
                inline.appendText(text, escaping: escaping)
                inline.appendSpace()
            }
        default:
            if kind.isBlockLevel { inline.appendSpace() }
        }
    }

    /// The text below `node` on one line, trimmed, unescaped ("" when it has none).
    static func plain(_ node: HTMLNode) -> String {
        var inline = InlineText()
        append(below: node, to: &inline, escaping: .none)
        return inline.text
    }

    /// The text of a `pre` element as written: line breaks kept (`br` and block elements
    /// inside, such as a highlighter's line `div`s, end lines), leading blank lines and trailing
    /// whitespace removed, no-break spaces made spaces.
    static func preformatted(_ node: HTMLNode) -> String {
        var text = ""
        func endLine() {
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        }
        HTMLTraversal.walk(below: node, enter: { child in
            switch child.kind {
            case .text:
                text += child.text
                return .skip
            case .other:
                return .skip
            case .element:
                let name = child.name
                if HTMLContentPolicy.isDropped(child, name: name) { return .skip }
                let kind = HTMLElementKind(name: name)
                if kind == .lineBreak { text += "\n" } else if kind.isBlockLevel { endLine() }
                return .descend
            }
        }, leave: { element in
            if HTMLElementKind(name: element.name).isBlockLevel { endLine() }
        })
        return normalizedCode(text)
    }

    static func normalizedCode(_ raw: String) -> String {
        var text = raw.replacing("\r\n", with: "\n").replacing("\r", with: "\n").replacing("\u{A0}", with: " ")
        // Leading lines holding only whitespace go; the first line's indentation stays.
        while let newline = text.firstIndex(of: "\n"), text[..<newline].allSatisfy({ $0 == " " || $0 == "\t" }) {
            text.removeSubrange(...newline)
        }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    /// The text an image stands for: its `alt` when it says something (not empty, not a file
    /// name, not a placeholder word such as "image" or "logo").
    static func imageText(_ image: HTMLNode) -> String? {
        guard let raw = image.attribute("alt") else { return nil }
        let alt = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard alt.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        let lower = alt.lowercased()
        if placeholderAlts.contains(lower) { return nil }
        if let dot = lower.lastIndex(of: "."), imageExtensions.contains(String(lower[lower.index(after: dot)...])),
           !lower.contains(" ") {
            return nil
        }
        return alt
    }

    private static let placeholderAlts: Set<String> = [
        "image", "img", "photo", "picture", "pic", "icon", "logo", "spacer", "banner", "graphic",
        "thumbnail", "avatar", "placeholder", "figure", "untitled", "null", "undefined",
    ]
    private static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "avif", "tif", "tiff"]
}
