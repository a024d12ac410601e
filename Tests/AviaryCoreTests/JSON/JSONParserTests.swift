import AviaryCore
import Foundation
import Testing

/// `JSONValue(parsing:)`: the parser every model response and stored row goes through.
@Suite struct JSONParserTests {
    @Test func nestedObjectsKeepTheirOwnMembers() throws {
        let text = #"{"a":{"b":{"c":1,"d":[{"e":2},{}],"f":"x"},"g":[]},"h":{"i":null},"j":true,"k":{}}"#
        let value = try JSONValue(parsing: text)
        #expect(value == ["a": ["b": ["c": 1, "d": [["e": 2], [:]], "f": "x"], "g": []], "h": ["i": nil], "j": true,
                          "k": [:]])
        #expect(try JSONValue(parsing: value.jsonString) == value)
    }

    @Test func aRepeatedKeyKeepsItsLastValue() throws {
        #expect(try JSONValue(parsing: #"{"a":1,"b":{"x":1,"x":2},"a":3}"#) == ["a": 3, "b": ["x": 2]])
    }

    @Test func whitespaceAndEscapesAreRead() throws {
        let text = " {\n\t\"k\\\"ey\" : [ 1 , -2.5e3 , \"\\u00e9\\n\\ud834\\udd1e\" ] ,\r\"\": { } } "
        #expect(try JSONValue(parsing: text) == ["k\"ey": [1, -2500, "é\n𝄞"], "": [:]])
    }

    @Test(arguments: [#"{"a":1"#, #"{"a" 1}"#, #"{"a":1,}"#, #"{a:1}"#, #"{"a":{"b":[1,2}}"#, #"[{"a":1}]]"#])
    func malformedObjectsFailWithAnOffset(_ text: String) {
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        #expect((error?.offset ?? -1) >= 0)
    }

    /// Objects of many sizes and depths read back equal to what Foundation's parser reads.
    @Test func agreesWithFoundationOnGeneratedDocuments() throws {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func make(_ depth: Int) -> JSONValue {
            switch depth > 3 ? next(3) : next(5) {
            case 0: return .number(Double(next(2000) - 1000))
            case 1: return .string("s\(next(100))")
            case 2: return next(2) == 0 ? .bool(true) : .null
            case 3: return .array((0..<next(6)).map { _ in make(depth + 1) })
            default:
                var object: [String: JSONValue] = [:]
                for _ in 0..<next(24) { object["k\(next(40))"] = make(depth + 1) }
                return .object(object)
            }
        }
        for _ in 0..<200 {
            let value = make(0)
            let text = value.jsonString
            let parsed = try JSONValue(parsing: text)
            #expect(parsed == value)
            let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            let again = try JSONSerialization.data(withJSONObject: foundation, options: [.sortedKeys, .fragmentsAllowed])
            #expect(try JSONValue(parsing: Array(again)) == parsed)
        }
    }
}
