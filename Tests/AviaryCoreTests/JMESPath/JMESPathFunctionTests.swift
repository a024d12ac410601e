import AviaryCore
import Testing

/// Every built-in function of the specification, with the examples of its documentation.
@Suite struct JMESPathFunctionTests {
    func search(_ expression: String, _ document: String = "null") throws -> JSONValue {
        try JMESPath(expression).search(try JSONValue(parsing: document))
    }

    @Test func numbers() throws {
        #expect(try search("abs(`-1`)") == 1)
        #expect(try search("abs(`1.5`)") == 1.5)
        #expect(try search("avg(@)", "[10, 15, 20]") == 15)
        #expect(try search("avg(@)", "[]") == .null)
        #expect(try search("ceil(`1.001`)") == 2)
        #expect(try search("ceil(`1.0`)") == 1)
        #expect(try search("floor(`1.9`)") == 1)
        #expect(try search("floor(`-1.1`)") == -2)
        #expect(try search("sum(@)", "[1, 2, 3.5]") == 6.5)
        #expect(try search("sum(@)", "[]") == 0)
    }

    @Test func strings() throws {
        #expect(try search("contains('foobar', 'foo')") == true)
        #expect(try search("contains('foobar', 'not')") == false)
        #expect(try search("contains(`[\"a\", \"b\"]`, 'a')") == true)
        #expect(try search("contains(`[1, [2]]`, `[2]`)") == true)
        #expect(try search("ends_with('foobarfoobar', 'bar')") == true)
        #expect(try search("ends_with('foobar', 'foo')") == false)
        #expect(try search("starts_with('foobar', 'foo')") == true)
        #expect(try search("starts_with('foobar', 'bar')") == false)
        #expect(try search("join(', ', @)", #"["a", "b"]"#) == "a, b")
        #expect(try search("join('', @)", "[]") == "")
        #expect(try search("length('abc')") == 3)
        #expect(try search("length(@)", #""\u2713\u2713""#) == 2)
        #expect(try search("reverse('abc')") == "cba")
    }

    @Test func collections() throws {
        #expect(try search("keys(@)", #"{"foo": "baz", "bar": "bam"}"#) == ["bar", "foo"])
        #expect(try search("values(@)", #"{"foo": "baz", "bar": "bam"}"#) == ["bam", "baz"])
        #expect(try search("length(@)", #"{"a": 1, "b": 2}"#) == 2)
        #expect(try search("length(@)", "[1, 2, 3]") == 3)
        #expect(try search("map(&a, @)", #"[{"a": 1}, {"b": 2}, {"a": 3}]"#) == [1, .null, 3])
        #expect(try search("map(&[], @)", "[[1, 2, [3]], [4]]") == [[1, 2, 3], [4]])
        #expect(try search("merge(`{\"a\": 1}`, `{\"a\": 2, \"b\": 3}`)") == ["a": 2, "b": 3])
        #expect(try search("not_null(a, b, c)", #"{"b": null, "c": [], "d": "x"}"#) == [])
        #expect(try search("not_null(a, b)", "{}") == .null)
        #expect(try search("reverse(@)", "[0, 1, 2]") == [2, 1, 0])
        #expect(try search("to_array('a')") == ["a"])
        #expect(try search("to_array(@)", "[1]") == [1])
    }

    @Test func minimaMaximaAndSorting() throws {
        #expect(try search("max(@)", "[10, 15]") == 15)
        #expect(try search("max(@)", #"["a", "b"]"#) == "b")
        #expect(try search("max(@)", "[]") == .null)
        #expect(try search("min(@)", "[10, 15]") == 10)
        #expect(try search("min(@)", #"["a", "b"]"#) == "a")
        let people = #"[{"name": "b", "age": 30}, {"name": "a", "age": 50}, {"name": "c", "age": 30}]"#
        #expect(try search("max_by(@, &age).name", people) == "a")
        #expect(try search("min_by(@, &age).name", people) == "b")
        #expect(try search("min_by(@, &name).name", people) == "a")
        #expect(try search("max_by(@, &age)", "[]") == .null)
        #expect(try search("sort(@)", "[3, 1, 2]") == [1, 2, 3])
        #expect(try search("sort(@)", #"["b", "a", "c"]"#) == ["a", "b", "c"])
        // Stable: equal keys keep their order.
        #expect(try search("sort_by(@, &age)[*].name", people) == ["b", "c", "a"])
        #expect(try search("sort_by(@, &name)[*].name", people) == ["a", "b", "c"])
    }

    @Test func conversionsAndTypes() throws {
        #expect(try search("to_string(@)", "[1, 2]") == "[1,2]")
        #expect(try search("to_string('a')") == "a")
        #expect(try search("to_number('1.5')") == 1.5)
        #expect(try search("to_number('12')") == 12)
        #expect(try search("to_number('abc')") == .null)
        #expect(try search("to_number(`true`)") == .null)
        #expect(try search("to_number(`3`)") == 3)
        for (literal, type) in [("`1`", "number"), ("'a'", "string"), ("`true`", "boolean"), ("`[]`", "array"),
                                ("`{}`", "object"), ("`null`", "null")] {
            #expect(try search("type(\(literal))") == .string(type))
        }
    }
}
