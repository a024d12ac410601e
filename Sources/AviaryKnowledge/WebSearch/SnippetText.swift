/// Plain text from the short HTML an engine puts in titles and snippets (`<strong>` around the
/// query's words, `&amp;`, `&#39;`): tags removed (block tags such as `<br>` and `<p>` leave a
/// space), character references decoded, runs of white space made one space, cut to a length.
/// Lexical and bounded: it reads at most ``maximumInput`` characters, whatever the engine sent.
enum SnippetText {
    /// The most characters read from one field.
    static let maximumInput = 20_000

    /// The longest tag looked for: a `<` with no `>` within it is text.
    static let maximumTagLength = 1_000

    /// Tags that separate words.
    private static let blockTags: Set<Substring> = ["br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3",
                                                    "h4", "h5", "h6", "blockquote", "pre", "hr", "section", "article"]

    /// The named references engines use; others stay as written.
    private static let namedReferences: [Substring: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "hellip": "…", "mdash": "—", "ndash": "–",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    /// `html` as plain text of at most `limit` characters (an ellipsis marks a cut).
    static func plain(_ html: String, limit: Int) -> String {
        var out = ""
        var count = 0
        var pendingSpace = false
        var rest = html.prefix(maximumInput)[...]
        func append(_ c: Character) {
            if c.isWhitespace { pendingSpace = count > 0; return }
            if pendingSpace { out.append(" "); count += 1; pendingSpace = false }
            out.append(c)
            count += 1
        }
        while let c = rest.first, count <= limit {
            if c == "<", let (name, end) = tag(at: rest) {
                if blockTags.contains(name) { pendingSpace = count > 0 }
                rest = rest[rest.index(after: end)...]
            } else if c == "&", let (decoded, after) = reference(at: rest) {
                append(decoded)
                rest = after
            } else {
                append(c)
                rest = rest.dropFirst()
            }
        }
        guard count > limit else { return out }
        return String(out.prefix(max(limit - 1, 0))) + "…"
    }

    /// The lowercased name and closing `>` of a tag that starts here (`<b>`, `</b>`, `<br/>`,
    /// `<!-- … -->`); `nil` when the `<` is text (`a < b`) or no `>` follows within ``maximumTagLength``.
    private static func tag(at text: Substring) -> (name: Substring, end: Substring.Index)? {
        var body = text.dropFirst()
        guard let first = body.first, first.isLetter || first == "/" || first == "!" || first == "?",
              let end = text.prefix(maximumTagLength).firstIndex(of: ">") else { return nil }
        if first == "/" { body = body.dropFirst() }
        let name = body.prefix { $0.isLetter || $0.isNumber }
        return (Substring(name.lowercased()), end)
    }

    /// A character reference at the start of `text` (`&amp;`, `&#39;`, `&#x27;`) decoded, and what follows it.
    private static func reference(at text: Substring) -> (Character, Substring)? {
        guard let semicolon = text.prefix(12).firstIndex(of: ";") else { return nil }
        let name = text[text.index(after: text.startIndex)..<semicolon]
        let after = text[text.index(after: semicolon)...]
        guard name.hasPrefix("#") else { return namedReferences[name].map { ($0, after) } }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return (Character(scalar), after)
    }
}
