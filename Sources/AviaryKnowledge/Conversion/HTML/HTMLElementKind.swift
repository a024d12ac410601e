/// How the converter treats an HTML element, by tag name.
enum HTMLElementKind: Equatable {
    /// A block container (`p`, `div`, `section`, …): its content starts and ends a paragraph.
    case block
    /// `h1`…`h6`.
    case heading(level: Int)
    /// `ul`/`ol` (and the old `menu`, `dir`).
    case list(ordered: Bool)
    /// `dl`.
    case definitionList
    case table
    /// `pre` (and the obsolete `listing`, `xmp`, `plaintext`).
    case preformatted
    case blockquote
    /// `hr`.
    case rule
    /// `br`.
    case lineBreak
    case image
    /// `a`.
    case link
    /// `strong`, `b`.
    case strong
    /// `em`, `i`.
    case emphasis
    /// `del`, `s`, `strike`.
    case strikethrough
    /// `code`, `kbd`, `samp`, `tt` outside `pre`.
    case code
    /// `q`.
    case quotation
    /// Anything else: its content flows inline (`span`, `abbr`, unknown and custom elements, as in a browser).
    case inline

    init(name: String) {
        self = Self.kinds[name] ?? .inline
    }

    /// Whether the element breaks the flow of text (a paragraph boundary).
    var isBlockLevel: Bool {
        switch self {
        case .block, .heading, .list, .definitionList, .table, .preformatted, .blockquote, .rule: return true
        default: return false
        }
    }

    private static let kinds: [String: HTMLElementKind] = {
        var kinds: [String: HTMLElementKind] = [:]
        let blocks = ["address", "article", "body", "caption", "center", "details", "dialog", "dd", "div", "dt",
                      "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "html", "legend", "li",
                      "main", "noframes", "p", "section", "summary", "tbody", "td", "tfoot", "th", "thead", "tr"]
        for name in blocks { kinds[name] = .block }
        for level in 1...6 { kinds["h\(level)"] = .heading(level: level) }
        for name in ["ul", "menu", "dir"] { kinds[name] = .list(ordered: false) }
        kinds["ol"] = .list(ordered: true)
        kinds["dl"] = .definitionList
        kinds["table"] = .table
        for name in ["pre", "listing", "xmp", "plaintext"] { kinds[name] = .preformatted }
        kinds["blockquote"] = .blockquote
        kinds["hr"] = .rule
        kinds["br"] = .lineBreak
        kinds["img"] = .image
        kinds["a"] = .link
        for name in ["strong", "b"] { kinds[name] = .strong }
        for name in ["em", "i"] { kinds[name] = .emphasis }
        for name in ["del", "s", "strike"] { kinds[name] = .strikethrough }
        for name in ["code", "kbd", "samp", "tt"] { kinds[name] = .code }
        kinds["q"] = .quotation
        return kinds
    }()
}
