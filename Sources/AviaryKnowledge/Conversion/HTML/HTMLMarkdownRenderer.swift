/// Renders a libxml2 HTML tree as Markdown.
///
/// The renderer recurses once per element level, at most ``maximumDepth`` levels; content nested
/// deeper is kept as plain text, gathered without recursion, so hostile nesting cannot exhaust
/// the stack. Elements the ``HTMLContentPolicy`` drops are skipped with their content.
///
/// libxml2 itself stops parsing at 256 levels of nesting (see ``HTMLToMarkdown``); the renderer's
/// own limit is lower because a debug build spends up to 1.5 KB of stack per level, and a
/// Darwin secondary thread (where Swift concurrency runs) has 512 KB. Real pages nest 20 to 60
/// levels deep.
struct HTMLMarkdownRenderer {
    /// The deepest element level rendered with structure, by default.
    static let defaultMaximumDepth = 128

    /// What the elements around a node imply for it.
    struct Context {
        var depth = 0
        var inLink = false
        var inStrong = false
        var inEmphasis = false
        var inStrikethrough = false

        var escaping: TextEscaping { inLink ? .linkText : .markdown }

        func descending(by levels: Int = 1) -> Context {
            var context = self
            context.depth += levels
            return context
        }
    }

    let links: LinkResolver
    /// The deepest element level rendered with structure.
    let maximumDepth: Int
    /// The text of the first `h1` rendered: a title for a page without `<title>`.
    var firstHeading: String?

    init(links: LinkResolver, maximumDepth: Int = HTMLMarkdownRenderer.defaultMaximumDepth) {
        self.links = links
        self.maximumDepth = maximumDepth
    }

    /// The Markdown of the content of `root` ("" when nothing is left).
    mutating func render(contentsOf root: HTMLNode) -> String {
        var sink = MarkdownSink(flattening: false)
        renderChildren(of: root, into: &sink, Context())
        return MarkdownBlock.join(sink.finish())
    }

    /// Renders the children of `node` with `context` (whose depth is theirs).
    mutating func renderChildren(of node: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        var child = node.firstChild
        while let current = child {
            // As `renderNode`, without its stack frame at every level of a deep document.
            switch current.kind {
            case .text: sink.inline.appendText(current.text, escaping: context.escaping)
            case .element: renderElement(current, into: &sink, context)
            case .other: break
            }
            child = current.nextSibling
        }
    }

    mutating func renderNode(_ node: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        switch node.kind {
        case .text: sink.inline.appendText(node.text, escaping: context.escaping)
        case .element: renderElement(node, into: &sink, context)
        case .other: break
        }
    }

    mutating func renderElement(_ element: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        let name = element.name
        if HTMLContentPolicy.isDropped(element, name: name) { return }
        guard context.depth < maximumDepth else {
            renderFlattened(element, into: &sink, context)
            return
        }
        let kind = HTMLElementKind(name: name)
        switch kind {
        case .block:
            sink.endParagraph()
            renderChildren(of: element, into: &sink, context.descending())
            sink.endParagraph()
        case .inline:
            renderChildren(of: element, into: &sink, context.descending())
        default:
            renderStructured(element, kind: kind, into: &sink, context.descending())
        }
    }

    /// Elements with a Markdown form of their own (split from ``renderElement`` so that the
    /// plain containers most deep nesting is made of take a small stack frame).
    private mutating func renderStructured(_ element: HTMLNode, kind: HTMLElementKind, into sink: inout MarkdownSink,
                                           _ context: Context) {
        switch kind {
        case .block, .inline: renderChildren(of: element, into: &sink, context)
        case .heading(let level): renderHeading(element, level: level, into: &sink, context)
        case .list(let ordered): renderList(element, ordered: ordered, into: &sink, context)
        case .definitionList: renderDefinitionList(element, into: &sink, context)
        case .table: renderTable(element, into: &sink, context)
        case .preformatted: renderPreformatted(element, into: &sink)
        case .blockquote: renderBlockquote(element, into: &sink, context)
        case .rule: renderRule(into: &sink)
        case .lineBreak: renderLineBreak(into: &sink)
        case .image: renderImage(element, into: &sink, context)
        case .link: renderLink(element, into: &sink, context)
        case .strong, .emphasis, .strikethrough, .quotation: renderFormatting(element, kind: kind, into: &sink, context)
        case .code: renderCodeSpan(element, into: &sink)
        }
    }

    /// Content below the depth limit: its text, as one run.
    private func renderFlattened(_ element: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        HTMLText.append(element, to: &sink.inline, escaping: context.escaping)
    }

    /// Renders `element`'s children as a separate paragraph boundary: for containers whose own
    /// structure cannot be kept where they are (a list in a table cell).
    mutating func renderAsBlock(_ element: HTMLNode, into sink: inout MarkdownSink, _ context: Context) {
        sink.endParagraph()
        renderChildren(of: element, into: &sink, context)
        sink.endParagraph()
    }
}
