/// The best `capacity` (score, chunk) pairs seen, in a min-heap: the weakest kept is at the root,
/// so a candidate is compared with one value. Higher scores win; equal scores go to the lower
/// chunk number.
struct TopScores {
    struct Item { var score: Float; var chunk: UInt32 }
    let capacity: Int
    private(set) var heap: [Item] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(self.capacity)
    }

    /// Whether `a` ranks below `b`.
    private static func worse(_ a: Item, _ b: Item) -> Bool {
        a.score != b.score ? a.score < b.score : a.chunk > b.chunk
    }

    /// Whether a candidate would be kept.
    func admits(_ score: Float, _ chunk: UInt32) -> Bool {
        heap.count < capacity || (capacity > 0 && Self.worse(heap[0], Item(score: score, chunk: chunk)))
    }

    /// Keeps the candidate if it is among the best so far.
    mutating func insert(_ score: Float, _ chunk: UInt32) {
        let item = Item(score: score, chunk: chunk)
        if heap.count < capacity {
            heap.append(item)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard Self.worse(heap[i], heap[parent]) else { break }
                heap.swapAt(i, parent)
                i = parent
            }
        } else if admits(score, chunk) {
            heap[0] = item
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var least = i
                if l < heap.count, Self.worse(heap[l], heap[least]) { least = l }
                if r < heap.count, Self.worse(heap[r], heap[least]) { least = r }
                guard least != i else { break }
                heap.swapAt(i, least)
                i = least
            }
        }
    }

    /// The kept pairs, best first.
    func descending() -> [Item] {
        heap.sorted { Self.worse($1, $0) }
    }
}
