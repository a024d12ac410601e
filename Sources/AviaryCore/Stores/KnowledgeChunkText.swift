/// A chunk's searchable text, as an in-memory lexical index reads it.
public struct KnowledgeChunkText: Sendable, Hashable {
    /// The chunk's ID.
    public var id: String
    /// Its text.
    public var text: String
    /// Its heading path as text (the headings joined), ranked at half weight.
    public var headingText: String

    /// Creates a chunk text.
    public init(id: String, text: String, headingText: String) {
        self.id = id
        self.text = text
        self.headingText = headingText
    }
}
