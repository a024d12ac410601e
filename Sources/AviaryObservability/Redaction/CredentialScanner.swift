/// Finds credentials in UTF-8 text without allocating when there are none: bearer tokens, `sk-` and
/// `avk_` API keys, and JWTs. Matches start at a word boundary.
enum CredentialScanner {
    /// Byte ranges to mask, in order, non-overlapping.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        let n = b.count
        while i < n {
            if i == 0 || !isWordByte(b[i - 1]), let match = credential(in: b, at: i) {
                found.append(match)
                i = match.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// The credential starting at `i`, if any (for `Bearer x`, only `x`).
    private static func credential(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> Range<Int>? {
        switch b[i] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"):
            guard hasPrefix(b, at: i, "bearer", caseInsensitive: true) else { return nil }
            var start = i + 6
            guard start < b.count, b[start] == UInt8(ascii: " ") else { return nil }
            while start < b.count, b[start] == UInt8(ascii: " ") { start += 1 }
            let end = run(b, from: start, while: isTokenByte)
            // "the bearer of news": a short all-letter word is prose, not a token.
            let looksLikeToken = end - start >= 12 || (start..<end).contains { !isLetter(b[$0]) }
            return end > start && looksLikeToken ? start..<end : nil
        case UInt8(ascii: "s"):
            guard hasPrefix(b, at: i, "sk-") else { return nil }
            let end = run(b, from: i + 3, while: isKeyByte)
            return end - (i + 3) >= 16 ? i..<end : nil
        case UInt8(ascii: "a"):
            guard hasPrefix(b, at: i, "avk_") else { return nil }
            let end = run(b, from: i + 4, while: isKeyByte)
            return end - (i + 4) >= 8 ? i..<end : nil
        case UInt8(ascii: "e"):
            guard hasPrefix(b, at: i, "eyJ") else { return nil }
            let header = run(b, from: i, while: isBase64URLByte)
            guard header - i >= 10, header < b.count, b[header] == UInt8(ascii: ".") else { return nil }
            let payload = run(b, from: header + 1, while: isBase64URLByte)
            guard payload - header > 2, payload < b.count, b[payload] == UInt8(ascii: ".") else { return nil }
            return i..<run(b, from: payload + 1, while: isBase64URLByte)
        default:
            return nil
        }
    }

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ prefix: StaticString,
                                  caseInsensitive: Bool = false) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= b.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count {
            var c = b[i + k]
            if caseInsensitive, c >= 65, c <= 90 { c += 32 }
            if c != p[k] { return false }
        }
        return true
    }

    private static func run(_ b: UnsafeBufferPointer<UInt8>, from start: Int, while accept: (UInt8) -> Bool) -> Int {
        var j = start
        while j < b.count, accept(b[j]) { j += 1 }
        return j
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    /// Letters, digits, `_`, `-` and non-ASCII: bytes that continue a word.
    private static func isWordByte(_ c: UInt8) -> Bool {
        isAlphanumeric(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c >= 0x80
    }

    private static func isKeyByte(_ c: UInt8) -> Bool {
        isAlphanumeric(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }

    private static func isBase64URLByte(_ c: UInt8) -> Bool {
        isKeyByte(c)
    }

    /// RFC 6750 `b64token` characters.
    private static func isTokenByte(_ c: UInt8) -> Bool {
        isKeyByte(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "~") || c == UInt8(ascii: "+")
            || c == UInt8(ascii: "/") || c == UInt8(ascii: "=")
    }
}
