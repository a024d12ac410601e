/// ``TokenEstimator``'s rule, fed one character at a time, so a growing text is measured in linear time.
///
/// The tally only counts runs and characters, so feeding a text backwards gives the same estimate as
/// feeding it forwards (``OverlapTail`` relies on that to measure every suffix in one pass).
struct TokenTally: Sendable, Hashable {
    private(set) var wideCharacters = 0
    private(set) var otherCharacters = 0
    private(set) var words = 0
    private var inWord = false

    /// The estimate of everything added so far.
    var tokens: Int { wideCharacters + max((4 * words + 2) / 3, (otherCharacters + 3) / 4) }

    mutating func add(_ character: Character) {
        if character.isWhitespace {
            otherCharacters += 1
            inWord = false
        } else if Self.isWide(character) {
            wideCharacters += 1
            inWord = false
        } else {
            otherCharacters += 1
            if !inWord {
                words += 1
                inWord = true
            }
        }
    }

    mutating func add(_ text: some StringProtocol) {
        for character in text { add(character) }
    }

    /// The tally after adding `text` to a copy.
    func adding(_ text: some StringProtocol) -> TokenTally {
        var copy = self
        copy.add(text)
        return copy
    }

    /// Whether a character is CJK: a token of its own, and a word boundary on both sides.
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x11FF,   // Hangul Jamo
             0x2E80...0x2FDF,   // CJK radicals, Kangxi radicals
             0x3000...0x303F,   // CJK symbols and punctuation
             0x3040...0x30FF,   // Hiragana, Katakana
             0x3100...0x31FF,   // Bopomofo, Hangul compatibility Jamo, Katakana extensions
             0x3400...0x4DBF,   // CJK extension A
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xAC00...0xD7AF,   // Hangul syllables
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFF00...0xFFEF,   // half-width and full-width forms
             0x20000...0x3FFFF: // CJK extensions B and later
            return true
        default:
            return false
        }
    }
}
