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
}
