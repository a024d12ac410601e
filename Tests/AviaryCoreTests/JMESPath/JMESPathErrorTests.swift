import AviaryCore
import Testing

/// The specification's error kinds, where they are reported, and adversarial input.
@Suite struct JMESPathErrorTests {
    func kind(_ expression: String, _ document: JSONValue = .null) -> JMESPathError.Kind? {
        do {
            _ = try JMESPath(expression).search(document)
            return nil
        } catch {
            return error.kind
        }
    }

    func compileError(_ expression: String) -> JMESPathError? {
        do {
            _ = try JMESPath(expression)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["foo.", "foo[", "[1", "foo]", "a b", ".foo", "foo..bar", "foo[bar]", "{a}", "{a: }", "{1: a}", "[a,]",
                      "f(a,)", "'unterminated", "`[1, 2`x", "\"unterminated", "a = b", "foo.-1", "[:::]", "[1:2:3:4]", "[1 2]",
                      "foo.\"bar\"()", "\"f\"(a)", "@()", "#", "!", "&", "a ||", "(a", "[?a"])
    func syntaxErrorsAreReportedWhenCompiling(_ expression: String) {
        #expect(compileError(expression)?.kind == .syntax, "\(expression)")
    }

    @Test func aSyntaxErrorCarriesItsPosition() {
        let error = compileError("foo.bar.[")
        #expect(error?.kind == .syntax)
        #expect(error?.position == 9)
        #expect(error?.description == "syntax: unexpected end of expression at position 9")
        #expect(compileError("a == b c")?.position == 7)
    }

    @Test func unknownFunctionsAndWrongArityAreReportedWhenCompiling() {
        #expect(compileError("nope(@)")?.kind == .unknownFunction)
        #expect(compileError("length(@, @)")?.kind == .invalidArity)
        #expect(compileError("length()")?.kind == .invalidArity)
        #expect(compileError("not_null()")?.kind == .invalidArity)
        #expect(compileError("merge()")?.kind == .invalidArity)
        #expect(compileError("merge(`{}`, `{}`, `{}`)") == nil)
    }

    @Test func wrongArgumentTypesAreReportedWhenSearching() throws {
        #expect(compileError("abs('x')") == nil)
        #expect(kind("abs('x')") == .invalidType)
        #expect(kind("length(`1`)") == .invalidType)
        #expect(kind("sum(`[1, \"a\"]`)") == .invalidType)
        #expect(kind("max(`[1, \"a\"]`)") == .invalidType)
        #expect(kind("sort(`[true]`)") == .invalidType)
        #expect(kind("join(',', `[1]`)") == .invalidType)
        #expect(kind("sort_by(@, a)", [["a": 1]]) == .invalidType)
        #expect(kind("map(a, @)", [1]) == .invalidType)
        #expect(kind("length(&a)") == .invalidType)
        #expect(kind("sort_by(@, &a)", [["a": 1], ["a": "b"]]) == .invalidType)
        #expect(kind("max_by(@, &a)", [["a": true]]) == .invalidType)
        #expect(kind("keys(@)", [1]) == .invalidType)
    }

    @Test(arguments: ["(", "[", "{a:", "!", "& ", "a.", "[?", "foo[?a == "])
    func deepNestingIsASyntaxErrorNotACrash(_ opener: String) {
        let expression = String(repeating: opener, count: 100_000) + "a"
        let error = compileError(expression)
        #expect(error?.kind == .syntax)
        #expect(error?.message.contains("nested deeper") == true)
    }

    @Test func longLeftAssociativeChainsAreCappedToo() {
        for expression in ["a" + String(repeating: ".a", count: 100_000), "a" + String(repeating: "[0]", count: 100_000),
                           String(repeating: "a || ", count: 100_000) + "a", String(repeating: "a | ", count: 100_000) + "a"] {
            #expect(compileError(expression)?.kind == .syntax)
        }
    }

    @Test func nestingWithinTheCapEvaluates() throws {
        let expression = String(repeating: "(", count: 200) + "a" + String(repeating: ")", count: 200)
        #expect(try JMESPath(expression).search(["a": 1]) == 1)
        let projections = "a" + String(repeating: "[*].a", count: 100)
        #expect(try JMESPath(projections).search(["a": []]) == [])
    }

    @Test func hugeNumbersAndSlicesAreErrorsOrClamped() throws {
        #expect(compileError("[99999999999999999999]")?.kind == .syntax)
        #expect(try JMESPath("[::9223372036854775807]").search([1, 2, 3]) == [1])
        #expect(try JMESPath("[::-9223372036854775807]").search([1, 2, 3]) == [3])
        #expect(try JMESPath("[-9223372036854775808]").search([1, 2, 3]) == .null)
    }
}
