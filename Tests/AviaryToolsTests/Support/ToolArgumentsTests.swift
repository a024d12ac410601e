import AviaryCore
import Testing

@testable import AviaryTools

@Suite("tool arguments")
struct ToolArgumentsTests {
    @Test("typed access with clear errors")
    func access() throws {
        let args = try ToolArguments(["s": "text", "n": 3, "f": 1.5, "b": true, "z": nil])
        #expect(try args.string("s") == "text")
        #expect(try args.optionalString("z") == nil)
        #expect(try args.optionalString("absent") == nil)
        #expect(try args.optionalInt("n", minimum: 1) == 3)
        #expect(try args.optionalBool("b") == true)
        #expect(throws: ToolError.invalidArguments("missing required argument 'absent'")) { try args.string("absent") }
        #expect(throws: ToolError.invalidArguments("argument 'n' must be a string, got integer")) { try args.string("n") }
        #expect(throws: ToolError.invalidArguments("argument 'f' must be an integer, got number")) { try args.optionalInt("f", minimum: 0) }
        #expect(throws: ToolError.invalidArguments("argument 'n' must be at least 5, got 3")) { try args.optionalInt("n", minimum: 5) }
        #expect(throws: ToolError.invalidArguments("argument 's' must be a boolean, got string")) { try args.optionalBool("s") }
        #expect(throws: ToolError.invalidArguments("arguments must be a JSON object, got array")) { try ToolArguments([1]) }
        #expect(try ToolArguments(nil).members.isEmpty)
    }
}
