/// How often each word of the knowledge benchmark's synthetic vocabulary is drawn (`aviary
/// bench-knowledge --corpus`).
public enum CorpusDistribution: String, Sendable, CaseIterable {
    /// 8,000 words, the word of rank r drawn with density ∝ r^(-2/3): flatter than natural
    /// text, so every word is in at least about 1 % of 150-word chunks and every query word
    /// matches thousands of chunks at 100k (a stress test of full-text ranking).
    case flat
    /// 50,000 words drawn by Zipf's law with exponent 1, as words of natural text are: a few
    /// hundred common words in most chunks, most words in few.
    case zipf
}
