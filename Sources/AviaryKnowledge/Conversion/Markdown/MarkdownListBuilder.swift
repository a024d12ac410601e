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
