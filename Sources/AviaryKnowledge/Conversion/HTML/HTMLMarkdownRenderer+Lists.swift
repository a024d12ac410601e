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

/// The items of a Markdown list being rendered.
struct MarkdownListBuilder {
    private struct Item {
        var number: Int
        var blocks: [MarkdownBlock]
    }

    /// The largest number a CommonMark list marker may have.
    static let maximumNumber = 999_999_999

    private let ordered: Bool
    private let reversed: Bool
    private var number: Int
    private var items: [Item] = []
    /// Content found between items.
    var stray = MarkdownSink(flattening: false)

    init(_ list: HTMLNode, ordered: Bool) {
        self.ordered = ordered
        reversed = ordered && list.attribute("reversed") != nil
        let itemCount = reversed ? list.elementChildren.filter { $0.name == "li" }.count : 1
        number = list.attribute("start").flatMap { Int($0.trimmingWhitespace()) } ?? itemCount
    }

    /// Whether a nested list can join the last item.
    var canNest: Bool { !items.isEmpty && stray.blocks.isEmpty && stray.inline.isEmpty }

    /// Adds an `li` rendered as `blocks` (left out when empty; its number still counts).
    mutating func addItem(_ blocks: [MarkdownBlock], value: String?) {
        if ordered, let value = value.flatMap({ Int($0.trimmingWhitespace()) }) { number = value }
        if !blocks.isEmpty { items.append(Item(number: number, blocks: blocks)) }
        number += reversed ? -1 : 1
    }

    /// Adds a nested list's blocks to the last item.
    mutating func nest(_ blocks: [MarkdownBlock]) {
        items[items.count - 1].blocks += blocks
    }

    /// Makes the stray content so far an item of its own.
    mutating func endStray() {
        let blocks = stray.finish()
        stray = MarkdownSink(flattening: false)
        if !blocks.isEmpty { items.append(Item(number: number, blocks: blocks)) }
    }

    /// The list block, nil when it has no items.
    mutating func finish() -> MarkdownBlock? {
        endStray()
        guard let first = items.first else { return nil }
        let text = items.map { item in
            let marker = ordered ? "\(min(max(item.number, 0), Self.maximumNumber)). " : "- "
            return MarkdownBlock.listItem(item.blocks, marker: marker)
        }.joined(separator: "\n")
        return MarkdownBlock(kind: .list(interruptsParagraph: !ordered || first.number == 1), text: text)
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
