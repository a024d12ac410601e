/// Where prose can be cut: between sentences, and between words.
enum ProseSegmenter {
    /// The sentences of `text`, without the whitespace around them, as ranges of `text`.
    ///
    /// A sentence ends after `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by whitespace
    /// and then anything but a lowercase letter (so "e.g. this" stays one sentence), or after `。`, `！`, `？`
    /// whatever follows.
    static func sentences(in text: Substring) -> [Range<String.Index>] {
        var sentences: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            var next = text.index(after: index)
            if start == nil {
                if character.isWhitespace {
                    index = next
                    continue
                }
                start = index
            }
            if let sentenceStart = start, isTerminator(character) {
                var isCJK = isCJKTerminator(character)
                while next < text.endIndex, isTerminator(text[next]) || isCloser(text[next]) {
                    isCJK = isCJK || isCJKTerminator(text[next])
                    next = text.index(after: next)
                }
                if endsSentence(text, at: next, afterCJK: isCJK) {
                    sentences.append(sentenceStart..<next)
                    start = nil
                }
            }
            index = next
        }
        if let sentenceStart = start {
            let end = text[sentenceStart...].lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? sentenceStart
            sentences.append(sentenceStart..<end)
        }
        return sentences
    }

    /// The words of `text` as ranges: runs of characters that are neither whitespace nor CJK, and each CJK
    /// character on its own (CJK text has no spaces to cut at).
    static func words(in text: Substring) -> [Range<String.Index>] {
        var words: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isWhitespace || TokenTally.isWide(character) {
                if let wordStart = start { words.append(wordStart..<index) }
                start = nil
                if !character.isWhitespace { words.append(index..<next) }
            } else if start == nil {
                start = index
            }
            index = next
        }
        if let wordStart = start { words.append(wordStart..<text.endIndex) }
        return words
    }

    private static func endsSentence(_ text: Substring, at position: String.Index, afterCJK: Bool) -> Bool {
        guard position < text.endIndex else { return true }
        guard text[position].isWhitespace else { return afterCJK }
        guard let following = text[position...].firstIndex(where: { !$0.isWhitespace }) else { return true }
        return !text[following].isLowercase
    }

    private static func isTerminator(_ character: Character) -> Bool {
        character == "." || character == "!" || character == "?" || character == "…" || isCJKTerminator(character)
    }

    private static func isCJKTerminator(_ character: Character) -> Bool {
        character == "。" || character == "！" || character == "？"
    }

    private static func isCloser(_ character: Character) -> Bool {
        "\"')]}”’»*_".contains(character)
    }
}
