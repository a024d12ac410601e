import AviaryCore
import Testing

/// The expression forms of the JMESPath specification, with the specification's own examples.
@Suite struct JMESPathExpressionTests {
    func search(_ expression: String, _ document: String) throws -> JSONValue {
        try JMESPath(expression).search(try JSONValue(parsing: document))
    }

    func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

    @Test func identifiersAndSubexpressions() throws {
        #expect(try search("foo", #"{"foo": "value"}"#) == "value")
        #expect(try search("bar", #"{"foo": "value"}"#) == .null)
        #expect(try search("foo", #"{"foo": [0, 1, 2]}"#) == [0, 1, 2])
        #expect(try search(#""with space""#, #"{"with space": "value"}"#) == "value")
        #expect(try search(#""\u2713""#, #"{"\u2713": "value"}"#) == "value")
        #expect(try search("foo.bar", #"{"foo": {"bar": "value"}}"#) == "value")
        #expect(try search("foo.bar.baz", #"{"foo": {"bar": {"baz": "correct"}}}"#) == "correct")
        #expect(try search("foo.bar", #"{"foo": "string"}"#) == .null)
        #expect(try search("foo", "[1]") == .null)
    }

    @Test func indexExpressions() throws {
        let list = #"["a", "b", "c", "d", "e", "f"]"#
        #expect(try search("[1]", list) == "b")
        #expect(try search("[-1]", list) == "f")
        #expect(try search("[10]", list) == .null)
        #expect(try search("[-10]", list) == .null)
        #expect(try search("foo[0]", #"{"foo": 1}"#) == .null)
        #expect(try search("a.b[0].c[1]", #"{"a": {"b": [{"c": [1, 2]}]}}"#) == 2)
    }

    @Test func slices() throws {
        let list = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"
        #expect(try search("[0:5]", list) == [0, 1, 2, 3, 4])
        #expect(try search("[5:10]", list) == [5, 6, 7, 8, 9])
        #expect(try search("[:5]", list) == [0, 1, 2, 3, 4])
        #expect(try search("[::2]", list) == [0, 2, 4, 6, 8])
        #expect(try search("[::-1]", list) == [9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
        #expect(try search("[-3:]", list) == [7, 8, 9])
        #expect(try search("[8:2:-2]", list) == [8, 6, 4])
        #expect(try search("[100:]", list) == [])
        #expect(try search("[:-100:-1]", list) == [9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
        #expect(try search("[0:2]", #"{"a": 1}"#) == .null)
        // A slice projects: what follows applies to each element.
        #expect(try search("[:2].a", #"[{"a": 1}, {"a": 2}, {"a": 3}]"#) == [1, 2])
    }

    @Test func aSliceStepOfZeroIsInvalidValue() throws {
        let error = #expect(throws: JMESPathError.self) { try JMESPath("[::0]").search([1]) }
        #expect(error?.kind == .invalidValue)
    }

    @Test func listAndObjectProjections() throws {
        let people = #"{"people": [{"first": "James", "last": "d"}, {"first": "Jacob", "last": "e"}, {"first": "Jayden", "last": "f"}, {"missing": "different"}], "foo": {"bar": "baz"}}"#
        #expect(try search("people[*].first", people) == ["James", "Jacob", "Jayden"])
        #expect(try search("people[:2].first", people) == ["James", "Jacob"])
        #expect(try search("people[*].first[0]", people) == [])
        #expect(try search("people[*].first | [0]", people) == "James")
        let ops = #"{"ops": {"functionA": {"numArgs": 2}, "functionB": {"numArgs": 3}, "functionC": {"variadic": true}}}"#
        #expect(try search("ops.*.numArgs", ops) == [2, 3])
        #expect(try search("*", "[1, 2]") == .null)
        #expect(try search("[*]", #"{"a": 1}"#) == .null)
    }

    @Test func flatten() throws {
        let doc = #"{"reservations": [{"instances": [{"state": "running"}, {"state": "stopped"}]}, {"instances": [{"state": "terminated"}, {"state": "running"}]}]}"#
        #expect(try search("reservations[*].instances[*].state", doc) == [["running", "stopped"], ["terminated", "running"]])
        #expect(try search("reservations[].instances[].state", doc) == ["running", "stopped", "terminated", "running"])
        #expect(try search("[]", "[[0, 1], 2, [3], 4, [5, [6, 7]]]") == [0, 1, 2, 3, 4, 5, [6, 7]])
        #expect(try search("[][]", "[[0, 1], 2, [3], 4, [5, [6, 7]]]") == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(try search("foo[]", #"{"foo": "x"}"#) == .null)
    }

    @Test func filters() throws {
        let doc = #"{"machines": [{"name": "a", "state": "running", "n": 1}, {"name": "b", "state": "stopped", "n": 2}, {"name": "c", "state": "running", "n": 3}]}"#
        #expect(try search("machines[?state=='running'].name", doc) == ["a", "c"])
        #expect(try search("machines[?n > `1`].name", doc) == ["b", "c"])
        #expect(try search("machines[?n >= `2`].name", doc) == ["b", "c"])
        #expect(try search("machines[?n < `2`].name", doc) == ["a"])
        #expect(try search("machines[?n <= `2`].name", doc) == ["a", "b"])
        #expect(try search("machines[?n != `2`].name", doc) == ["a", "c"])
        #expect(try search("machines[?state=='running' && n > `1`].name", doc) == ["c"])
        #expect(try search("machines[?!(state=='running')].name", doc) == ["b"])
        // Ordering is defined only for numbers; otherwise the comparison is null (false).
        #expect(try search("machines[?name > 'a'].name", doc) == [])
        // Equality is deep.
        #expect(try search("[?a == `[1, {\"b\": 2}]`]", #"[{"a": [1, {"b": 2}]}, {"a": [1]}]"#) == [["a": [1, ["b": 2]]]])
        #expect(try search("`1` == `1.0`", "null") == true)
        #expect(try search("`true` == `1`", "null") == false)
    }

    @Test func pipes() throws {
        let doc = #"{"foo": [{"bar": 1}, {"bar": 2}]}"#
        #expect(try search("foo[*].bar | [0]", doc) == 1)
        #expect(try search("foo[*].bar[0]", doc) == [])
        #expect(try search("foo | [1] | bar", doc) == 2)
    }

    @Test func multiselect() throws {
        let doc = #"{"people": [{"name": "a", "state": {"name": "up"}}, {"name": "b", "state": {"name": "down"}}]}"#
        #expect(try search("people[*].[name, state.name]", doc) == [["a", "up"], ["b", "down"]])
        #expect(try search("people[*].{Name: name, State: state.name}", doc)
            == [["Name": "a", "State": "up"], ["Name": "b", "State": "down"]])
        #expect(try search(#"{"quoted key": people[0].name}"#, doc) == ["quoted key": "a"])
        #expect(try search("missing.[a, b]", doc) == .null)
        #expect(try search("missing.{a: a}", doc) == .null)
    }

    @Test func literalsAndRawStrings() throws {
        #expect(try search("`\"foo\"`", "null") == "foo")
        #expect(try search("`[1, 2]`", "null") == [1, 2])
        #expect(try search("`{\"a\": true}`", "null") == ["a": true])
        #expect(try search("`\"a\\`b\"`", "null") == "a`b")
        // The legacy lenient form: text that is not JSON is a string.
        #expect(try search("`foo`", "null") == "foo")
        #expect(try search("'raw'", "null") == "raw")
        #expect(try search(#"'it\'s'"#, "null") == "it's")
        #expect(try search(#"'a\nb'"#, "null") == .string(#"a\nb"#))
    }

    @Test func currentNodeAndExpressionReferences() throws {
        #expect(try search("@", "[1]") == [1])
        #expect(try search("foo[?@ > `1`]", #"{"foo": [1, 2, 3]}"#) == [2, 3])
        #expect(try search("sort_by(@, &a)[*].a", #"[{"a": 2}, {"a": 1}]"#) == [1, 2])
    }

    @Test func orAndNotWithTruthiness() throws {
        #expect(try search("a || b", #"{"a": [], "b": "x"}"#) == "x")
        #expect(try search("a || b", #"{"a": 0, "b": "x"}"#) == 0)
        #expect(try search("a && b", #"{"a": "", "b": "x"}"#) == "")
        #expect(try search("a && b", #"{"a": {"k": 1}, "b": "x"}"#) == "x")
        #expect(try search("!a", #"{"a": {}}"#) == true)
        #expect(try search("!a", #"{"a": false}"#) == true)
        #expect(try search("!a", #"{"a": 0}"#) == false)
        #expect(try search("(a || b).c", #"{"b": {"c": 1}}"#) == 1)
    }

    @Test func integersStayIntegral() throws {
        #expect(try search("sum(@)", "[1, 2, 3]").jsonString == "6")
        #expect(try search("avg(@)", "[1, 2, 3]").jsonString == "2")
        #expect(try search("avg(@)", "[1, 2]").jsonString == "1.5")
    }

    @Test func objectMembersComeSortedByKey() throws {
        let doc = #"{"b": 2, "c": 3, "a": 1}"#
        #expect(try search("keys(@)", doc) == ["a", "b", "c"])
        #expect(try search("values(@)", doc) == [1, 2, 3])
        #expect(try search("*", doc) == [1, 2, 3])
    }

    @Test func anExpressionIsCompiledOnceAndSearchedMany() throws {
        let query = try JMESPath("a.b")
        #expect(query.expression == "a.b")
        #expect(try query.search(json(#"{"a": {"b": 1}}"#)) == 1)
        #expect(try query.search(json(#"{"a": {"b": 2}}"#)) == 2)
        #expect(try JMESPath.search("length(@)", in: "abc") == 3)
    }
}
