/// A chunk's text as the packer made it, before it gets its place and hash.
struct PackedChunk: Sendable, Hashable {
    let text: String
    /// Characters at the start of `text` that repeat the previous chunk (the tail and its separator).
    let overlapLength: Int
}
