import AviaryKnowledge
import Foundation
import Testing

/// JSON documents are pretty-printed in a code block.
@Suite struct JSONConversionTests {
    private func convert(_ json: String, type: String = "application/json") throws -> String {
        try DocumentConverter.convert(Data(json.utf8), contentType: type, fileExtension: nil, baseURL: nil).markdown
    }

    @Test func prettyPrintedKeepingOrderAndNumbers() throws {
        let json = #"{"zeta":1,"alpha":[1.50,2e10,{"k":"v, \"q\" ]"}],"empty":{},"none":[ ],"big":12345678901234567890}"#
        #expect(try convert(json) == """
            ```json
            {
              "zeta": 1,
              "alpha": [
                1.50,
                2e10,
                {
                  "k": "v, \\"q\\" ]"
                }
              ],
              "empty": {},
              "none": [],
              "big": 12345678901234567890
            }
            ```
            """)
    }

    @Test func scalarsAndSuffixTypes() throws {
        #expect(try convert("  \"text\"  ", type: "application/ld+json; charset=utf-8") == "```json\n\"text\"\n```")
        #expect(try DocumentConverter.convert(Data("[true,null]".utf8), contentType: nil, fileExtension: "json", baseURL: nil).markdown
            == "```json\n[\n  true,\n  null\n]\n```")
    }

    @Test func backticksInStringsLengthenTheFence() throws {
        #expect(try convert(#"{"md":"```code```"}"#) == "````json\n{\n  \"md\": \"```code```\"\n}\n````")
    }

    @Test func hostileNestingIsRefusedByTheParser() {
        let error = conversionError { try convert(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.message.hasSuffix("nesting too deep") == true)
    }

    @Test func invalidJSONIsAnError() {
        let error = conversionError { try convert(#"{"a": 1,}"#) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.message.hasPrefix("invalid JSON at byte") == true)
    }
}
