/// A list item's marker, and the column its content starts at.
struct ChunkingListMarker: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case bullet(Character)
        case ordered(delimiter: Character, start: Int)
    }

    let kind: Kind
    /// The marker's length in characters (`-` is 1, `10.` is 3).
    let markerLength: Int
    let contentIndent: Int
    /// Nothing follows the marker on its line.
    let isEmpty: Bool

    /// Whether an item with this marker continues a list started with `other` (same bullet, or same delimiter).
    func continuesList(of other: ChunkingListMarker) -> Bool {
        switch (kind, other.kind) {
        case let (.bullet(a), .bullet(b)): a == b
        case let (.ordered(a, _), .ordered(b, _)): a == b
        default: false
        }
    }

    /// Whether this item may interrupt a paragraph: not empty, and an ordered list only from 1.
    var canInterruptParagraph: Bool {
        if isEmpty { return false }
        if case .ordered(_, let start) = kind { return start == 1 }
        return true
    }
}
