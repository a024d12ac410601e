/// A document converted to Markdown for knowledge-base ingestion.
public struct ConvertedDocument: Sendable, Hashable {
    /// The document's title (`<title>`, the first level-1 heading), when it has one.
    public var title: String?
    /// The document's content as Markdown (GitHub-flavoured: pipe tables, fenced code), trimmed.
    public var markdown: String

    /// Creates a converted document.
    public init(title: String?, markdown: String) {
        self.title = title
        self.markdown = markdown
    }
}
