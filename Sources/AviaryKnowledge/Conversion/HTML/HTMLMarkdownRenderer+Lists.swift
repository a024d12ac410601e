/// Lists: `ul`/`ol` items as `- ` or `1. ` with their content indented under the marker, nested
/// lists tight under their item's text, `ol`'s `start`, `reversed` and `li`'s `value` honoured.
///
/// The functions on the recursion path keep few locals: their stack frames add up at every level
/// of a deep document.
extension HTMLMarkdownRenderer {
    mutating func renderList(_ list: HTMLNode, ordered: Bool, into sink: inout MarkdownSink, _ context: Context) {
        guard !sink.flattening else { return renderAsBlock(list, into: &sink, context) }
        var builder = MarkdownListBuilder(list, ordered: ordered)
        var child = list.firstChild
        while let current = child {
            child = current.nextSibling
            renderListChild(current, into: &builder, context)
        }
        if let block = builder.finish() { sink.append(block) }
    }

    private mutating func renderListChild(_ child: HTMLNode, into builder: inout MarkdownListBuilder, _ context: Context) {
        let name = child.name
        if name == "li" {
            builder.endStray()
            if HTMLContentPolicy.isDropped(child, name: name) { return }
            var item = MarkdownSink(flattening: false)
            renderChildren(of: child, into: &item, context.descending())
            builder.addItem(item.finish(), value: child.attribute("value"))
        } else if builder.canNest, case .list = HTMLElementKind(name: name) {
            // A list directly inside a list belongs to the item before it.
            var nested = MarkdownSink(flattening: false)
            renderElement(child, into: &nested, context)
            builder.nest(nested.finish())
        } else {
            // Text and elements directly in the list (invalid, but common) form items of their own.
            renderNode(child, into: &builder.stray, context)
        }
    }
}
