/// Splits text into the terms a lexical index holds and a query looks up (normalised words,
/// stems). Documents and queries must go through the same tokenizer.
public protocol LexicalTokenizer: Sendable {
    /// The terms of `text` in order, repeats kept. `query` is true for a search's text.
    func terms(in text: String, query: Bool) -> [String]
}
