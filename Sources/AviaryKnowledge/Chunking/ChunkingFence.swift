/// A fenced code block's opening: which character, how many, how far indented.
struct ChunkingFence: Sendable, Hashable {
    let marker: Character
    let length: Int
    let indent: Int
}
