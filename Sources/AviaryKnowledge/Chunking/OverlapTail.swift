/// Picks the end of a chunk's prose that the next chunk of the same section starts with.
enum OverlapTail {
    /// The longest suffix of `prose` that starts at a sentence, or failing that at a word, and costs at
    /// most `target` tokens; a sentence start is preferred when it gives at least half of `target`. When
    /// the suffix does not satisfy `fits`, shorter word-start suffixes are tried, down to none ("").
    static func tail(of prose: String, target: Int, fits: (Substring) -> Bool) -> Substring {
        guard target > 0 else { return "" }
        // Word starts, shortest suffix first, with what each suffix costs. The tally is the same read
        // backwards, and only grows, so the walk stops at the first suffix over target.
        var candidates: [(start: String.Index, tokens: Int)] = []
        var tally = TokenTally()
        var index = prose.endIndex
        while index > prose.startIndex {
            index = prose.index(before: index)
            tally.add(prose[index])
            guard isWordStart(prose, index) else { continue }
            if tally.tokens > target { break }
            candidates.append((index, tally.tokens))
        }
        guard !candidates.isEmpty else { return "" }

        let sentenceStarts = Set(ProseSegmenter.sentences(in: prose[...]).map(\.lowerBound))
        var choice = candidates.count - 1
        if let sentence = candidates.lastIndex(where: { sentenceStarts.contains($0.start) }),
           candidates[sentence].tokens * 2 >= target {
            choice = sentence
        }
        for candidate in candidates[...choice].reversed() where fits(prose[candidate.start...]) {
            return prose[candidate.start...]
        }
        return ""
    }

    private static func isWordStart(_ text: String, _ index: String.Index) -> Bool {
        let character = text[index]
        guard !character.isWhitespace else { return false }
        guard index > text.startIndex else { return true }
        let previous = text[text.index(before: index)]
        return previous.isWhitespace || TokenTally.isWide(character) || TokenTally.isWide(previous)
    }
}
