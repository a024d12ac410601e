import AviaryKnowledge

/// A chunker with small budgets, so short test documents have to be split.
func makeChunker(maxTokens: Int, overlapTokens: Int) throws -> MarkdownChunker {
    MarkdownChunker(options: try ChunkingOptions(maxTokens: maxTokens, overlapTokens: overlapTokens))
}

/// The whitespace-separated words of a text.
func words(_ text: some StringProtocol) -> [String] {
    String(text).split(whereSeparator: { $0.isWhitespace }).map(String.init)
}

/// `count` sentences of `wordsPerSentence` distinct words each ("S3w0 s3w1 … s3w7."), so any cut shows.
func sentences(_ count: Int, wordsPerSentence: Int = 8, tag: String = "s") -> String {
    (0..<count).map { sentence in
        let body = (0..<wordsPerSentence).map { "\(tag)\(sentence)w\($0)" }.joined(separator: " ")
        return body.prefix(1).uppercased() + body.dropFirst() + "."
    }.joined(separator: " ")
}

extension KnowledgeChunk {
    /// The estimated tokens of the whole text, overlap included.
    var tokens: Int { TokenEstimator.tokens(in: text) }
    /// The text the chunk repeats from the previous one.
    var overlapText: Substring { text.prefix(overlapLength) }
}
