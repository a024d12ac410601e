/// Inline elements: links, emphasis, code spans, images, quotations.
extension HTMLMarkdownRenderer {
    /// `a`: `[text](absolute URL)`; only the text for a link without a usable target (none,
    /// `javascript:`, a same-page `#fragment`) or inside another link.
    mutating func renderLink(_ link: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        guard !context.inLink, let href = link.attribute("href") else { return renderChildren(of: link, into: &sink, context) }
        guard let destination = links.destination(for: href) else {
            return LinkResolver.isSamePage(href) ? renderSamePageLink(link, into: &sink, context) : renderChildren(of: link, into: &sink, context)
        }
        var linkContext = context
        linkContext.inLink = true
        renderWrapped(link, open: "[", close: "](\(destination))", into: &sink, linkContext)
    }

    /// A `#fragment` link: its text, unless that is only a symbol (the `¶` or `#` permalink
    /// documentation generators put in headings).
    private mutating func renderSamePageLink(_ link: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        var inner = MarkdownSink(flattening: sink.flattening)
        renderChildren(of: link, into: &inner, context)
        if !inner.blocks.isEmpty {
            sink.absorb(inner)
        } else if inner.inline.text.contains(where: { $0.isLetter || $0.isNumber }) {
            sink.inline.append(inner.inline)
        }
    }

    /// Strong, emphasis, strikethrough and quotations: the content between markers (`**`, `*`,
    /// `~~`, `"`), except inside the same formatting (`<b><b>x</b></b>` is `**x**`).
    mutating func renderFormatting(_ element: HTMLNode, kind: HTMLElementKind, into sink: inout MarkdownSink,
                                   _ context: Context) {
        var inner = context
        let marker: String
        switch kind {
        case .strong:
            if context.inStrong { return renderChildren(of: element, into: &sink, context) }
            inner.inStrong = true
            marker = "**"
        case .emphasis:
            if context.inEmphasis { return renderChildren(of: element, into: &sink, context) }
            inner.inEmphasis = true
            marker = "*"
        case .strikethrough:
            if context.inStrikethrough { return renderChildren(of: element, into: &sink, context) }
            inner.inStrikethrough = true
            marker = "~~"
        default:
            marker = "\""
        }
        renderWrapped(element, open: marker, close: marker, into: &sink, inner)
    }

    func renderLineBreak(into sink: inout MarkdownSink) {
        if sink.flattening {
            sink.inline.appendSpace()
        } else {
            sink.inline.appendLineBreak()
        }
    }

    /// Renders `element`'s content between `open` and `close`. Content that turns out to hold
    /// blocks (a link around a heading and a paragraph) is kept as blocks, without the wrapping.
    mutating func renderWrapped(_ element: HTMLNode, open: String, close: String,
                                into sink: inout MarkdownSink, _ context: Context) {
        var inner = MarkdownSink(flattening: sink.flattening)
        renderChildren(of: element, into: &inner, context)
        if inner.blocks.isEmpty {
            sink.inline.append(inner.inline, open: open, close: close)
        } else {
            sink.absorb(inner)
        }
    }

    /// `code`, `kbd`, `samp`, `tt`: a code span of the element's text.
    func renderCodeSpan(_ element: HTMLNode, into sink: inout MarkdownSink) {
        var code = InlineText()
        HTMLText.append(below: element, to: &code, escaping: .none)
        let delimiters = MarkdownEscaping.codeSpanDelimiters(for: code.text)
        sink.inline.append(code, open: delimiters.open, close: delimiters.close)
    }

    /// `img`: its alt text when it says something.
    func renderImage(_ image: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        guard let text = HTMLText.imageText(image) else { return }
        sink.inline.appendSpace()
        sink.inline.appendText(text, escaping: context.escaping)
        sink.inline.appendSpace()
    }
}
