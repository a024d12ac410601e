import AviaryCore
import Testing

/// ``JSONValue/jsonString`` is a persisted and wire format: compact, sorted keys, fixed escapes.
@Suite struct JSONWriterTests {
    @Test func writesCompactSortedJSON() {
        let value: JSONValue = ["b": [1, -2, 0.5, 1e300, nil, true, false], "a": ["z": "", "y": [:]], "c": []]
        #expect(value.jsonString == #"{"a":{"y":{},"z":""},"b":[1,-2,0.5,1e+300,null,true,false],"c":[]}"#)
        #expect(value.jsonBytes == Array(value.jsonString.utf8))
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() throws {
        let text = "q\" b\\ s/ n\n r\r t\t b\u{08} f\u{0C} nul\u{00} esc\u{1B} é ☀️ 𝄞 \u{2028}"
        #expect(JSONValue.string(text).jsonString
            == #""q\" b\\ s/ n\n r\r t\t b\b f\f nul\u0000 esc\u001b é ☀️ 𝄞 \#u{2028}""#)
        #expect(try JSONValue(parsing: JSONValue.string(text).jsonString) == .string(text))
    }

    @Test func writesIntegralNumbersWithoutFraction() {
        #expect(JSONValue.array([0, -0.0, 42, -1_234_567_890_123, 9.5e15, .number(.nan)]).jsonString
            == "[0,0,42,-1234567890123,9.5e+15,null]")
    }

    /// Small objects are sorted on the stack, large ones through an array: both give the keys in
    /// `String` order, whatever the dictionary's order (sizes around the switch-over, unicode keys,
    /// keys that prefix each other).
    @Test func objectsOfEverySizeListTheirKeysInStringOrder() {
        let alphabet: [String] = ["a", "ab", "A", "B", "é", "e\u{301}", "z", "_", "0", "10", "9", "☀️", "aa", "b", "ba"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for size in 0...40 {
            var members: [String: JSONValue] = [:]
            while members.count < size {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let key = alphabet[Int(seed >> 33) % alphabet.count] + String(Int(seed >> 50) % 7)
                members[key] = .number(Double(members.count))
            }
            let expected = "{" + members.keys.sorted().map { "\(JSONValue.string($0).jsonString):\(members[$0]!.jsonString)" }
                .joined(separator: ",") + "}"
            #expect(JSONValue.object(members).jsonString == expected, "\(size) members")
        }
    }
}
