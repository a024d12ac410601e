import AviaryCore
import Testing

@Suite struct JSONStreamWriterTests {
    @Test func writesNestedObjectsAndArraysWithCommasInTheirPlaces() throws {
        var json = JSONStreamWriter()
        json.object { o in
            o.key("a"); o.number(1)
            o.key("empty"); o.object { _ in }
            o.key("list")
            o.array { a in
                a.string("x"); a.number(-2.5); a.bool(false); a.string(nil)
                a.array { _ in }
                a.object { inner in inner.key("k"); inner.value(["z": 1, "y": [true]]) }
            }
            o.key("dynamic \"key\""); o.string("q\"\n")
        }
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(text == #"{"a":1,"empty":{},"list":["x",-2.5,false,null,[],{"k":{"y":[true],"z":1}}],"dynamic \"key\"":"q\"\n"}"#)
        #expect(try JSONValue(parsing: json.bytes) == ["a": 1, "empty": [:], "list": ["x", -2.5, false, nil, [], ["k": ["z": 1, "y": [true]]]],
                                                       "dynamic \"key\"": "q\"\n"])
    }

    @Test func aTopLevelScalarOrArrayIsWrittenAsItIs() {
        var scalar = JSONStreamWriter()
        scalar.string("é")
        #expect(scalar.bytes == Array(#""é""#.utf8))
        var array = JSONStreamWriter()
        array.array { a in for i in 0..<3 { a.number(Double(i)) } }
        #expect(array.bytes == Array("[0,1,2]".utf8))
    }
}
