/// Estimates how many tokens a text costs a language model, without a tokenizer.
///
/// The rule, used for every budget of ``MarkdownChunker``:
/// - each CJK character (ideographs, kana, Hangul, CJK punctuation, full-width forms) is one token;
/// - the rest costs `max(words × 4/3, characters / 4)`, rounded up, where a word is a run of characters
///   that are neither whitespace nor CJK, and characters counts every other character, whitespace included.
///
/// Characters are Swift `Character`s (grapheme clusters), so an accented letter counts once however it is
/// encoded. The empty text costs 0, and appending text never lowers the estimate.
public enum TokenEstimator {
    /// The estimated token count of `text`.
    public static func tokens(in text: some StringProtocol) -> Int {
        var tally = TokenTally()
        tally.add(text)
        return tally.tokens
    }
}
