import AviaryCore
import Testing

/// `JSONValue`'s dictionary literal: every member, a repeated key keeping its last value.
@Suite struct JSONValueLiteralTests {
    @Test func anObjectLiteralHoldsEveryMember() {
        let value: JSONValue = ["a": 1, "b": "two", "c": [true, nil], "d": ["e": 2.5]]
        #expect(value == .object(["a": .number(1), "b": .string("two"), "c": .array([.bool(true), .null]),
                                  "d": .object(["e": .number(2.5)])]))
        #expect(value.jsonString == #"{"a":1,"b":"two","c":[true,null],"d":{"e":2.5}}"#)
    }

    @Test func aRepeatedKeyKeepsItsLastValue() {
        let value: JSONValue = ["k": 1, "other": 0, "k": 3]
        #expect(value["k"] == 3)
        #expect(value.objectValue?.count == 2)
    }

    @Test func anEmptyLiteralIsAnEmptyObject() {
        let value: JSONValue = [:]
        #expect(value == .object([:]))
    }
}
