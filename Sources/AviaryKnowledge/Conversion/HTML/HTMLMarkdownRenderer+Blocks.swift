/// Block elements: headings, code blocks, block quotes, rules and definition lists.
extension HTMLMarkdownRenderer {
    mutating func renderHeading(_ heading: HTMLNode, level: Int, into sink: inout MarkdownSink, _ context: Context) {
        guard !sink.flattening else { return renderAsBlock(heading, into: &sink, context) }
        var inner = MarkdownSink(flattening: true)
        renderChildren(of: heading, into: &inner, context)
        guard !inner.inline.isEmpty else { return }
        if level == 1, firstHeading == nil { firstHeading = HTMLText.plain(heading) }
        let text = String(repeating: "#", count: level) + " " + MarkdownEscaping.headingText(inner.inline.text)
        sink.append(MarkdownBlock(kind: .heading, text: text))
    }

    /// `pre`: a fenced code block, its language from a `language-x`/`lang-x` class on the `pre`
    /// or on the `code` inside it.
    func renderPreformatted(_ pre: HTMLNode, into sink: inout MarkdownSink) {
        guard !sink.flattening else { return renderCodeSpan(pre, into: &sink) }
        let code = HTMLText.preformatted(pre)
        guard !code.isEmpty else { return }
        let language = Self.codeLanguage(pre) ?? pre.elementChildren.lazy.compactMap(Self.codeLanguage).first
        sink.append(MarkdownBlock(kind: .code, text: MarkdownEscaping.fencedCode(code, language: language)))
    }

    /// The language a `language-x` or `lang-x` class names (letters, digits and `+#._-` only).
    static func codeLanguage(_ element: HTMLNode) -> String? {
        guard let classes = element.attribute("class") else { return nil }
        for name in classes.split(whereSeparator: { $0.isWhitespace }) {
            let lower = name.lowercased()
            for prefix in ["language-", "lang-"] where lower.hasPrefix(prefix) {
                let language = lower.dropFirst(prefix.count)
                if !language.isEmpty, language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+#._-".contains($0)) }) {
                    return String(language)
                }
            }
        }
        return nil
    }

    mutating func renderBlockquote(_ quote: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        guard !sink.flattening else { return renderAsBlock(quote, into: &sink, context) }
        var inner = MarkdownSink(flattening: false)
        renderChildren(of: quote, into: &inner, context)
        let blocks = inner.finish()
        guard !blocks.isEmpty else { return }
        sink.append(MarkdownBlock(kind: .quote, text: MarkdownBlock.quote(blocks)))
    }

    func renderRule(into sink: inout MarkdownSink) {
        if sink.flattening {
            sink.inline.appendSpace()
        } else {
            sink.append(MarkdownBlock(kind: .rule, text: "---"))
        }
    }

    /// `dl`: each term bold on its own line, its definitions as paragraphs below.
    mutating func renderDefinitionList(_ list: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        guard !sink.flattening else { return renderAsBlock(list, into: &sink, context) }
        sink.endParagraph()
        var child = list.firstChild
        while let current = child {
            child = current.nextSibling
            guard current.name == "dt" else {
                renderNode(current, into: &sink, context)
                continue
            }
            if HTMLContentPolicy.isDropped(current, name: "dt") { continue }
            var term = MarkdownSink(flattening: true)
            var termContext = context.descending()
            termContext.inStrong = true
            renderChildren(of: current, into: &term, termContext)
            guard !term.inline.isEmpty else { continue }
            sink.append(MarkdownBlock(kind: .paragraph, text: "**\(term.inline.text)**"))
        }
        sink.endParagraph()
    }
}
