import AviaryCore
import Testing

@testable import AviaryTools

@Suite("glob patterns")
struct GlobPatternTests {
    @Test("matches", arguments: [
        ("*.md", "README.md"), ("*.md", "docs/deep/x.md"), ("**/*.md", "x.md"), ("**/*.md", "a/b/c.md"),
        ("docs/*.md", "docs/a.md"), ("docs/**", "docs/a/b.txt"), ("**", "anything/at/all"), ("a/**/b.txt", "a/b.txt"),
        ("a/**/b.txt", "a/x/y/b.txt"), ("?.txt", "a.txt"), ("[abc].txt", "b.txt"), ("[a-c]*.txt", "cat.txt"),
        ("[!x].txt", "y.txt"), ("*.{md,txt}", "n.txt"), ("{src,tests}/**/*.swift", "tests/a/b.swift"), ("\\*.md", "*.md"),
        ("./docs/*.md", "docs/a.md"), ("résumé*", "résumé final.md"),
    ])
    func matches(pattern: String, path: String) throws {
        #expect(try GlobPattern(pattern).matches(path))
    }

    @Test("does not match", arguments: [
        ("*.md", "README.mdx"), ("docs/*.md", "docs/a/b.md"), ("docs/*.md", "other/docs/a.md"), ("?.txt", "ab.txt"),
        ("[abc].txt", "d.txt"), ("[!x].txt", "x.txt"), ("*.{md,txt}", "n.pdf"), ("a/**/b.txt", "a/b/c.txt"),
        ("\\*.md", "x.md"), ("*", ""),
    ])
    func doesNotMatch(pattern: String, path: String) throws {
        #expect(try !GlobPattern(pattern).matches(path))
    }

    @Test("malformed brackets and braces are literal")
    func malformed() throws {
        #expect(try GlobPattern("[abc.txt").matches("[abc.txt"))
        #expect(try GlobPattern("{a.txt").matches("{a.txt"))
        #expect(try GlobPattern("{solo}.txt").matches("{solo}.txt"))
    }

    @Test("40 brace groups, a huge expansion and an overlong pattern are refused before any expansion")
    func limits() {
        let attack = String(repeating: "{a,b}", count: 40)
        #expect(throws: ToolError.self) { try GlobPattern(attack) }
        // 7 groups pass the group cap but expand to 128 alternatives, past the cap of 64.
        #expect(throws: ToolError.self) { try GlobPattern(String(repeating: "{a,b}", count: 7)) }
        #expect(throws: ToolError.self) { try GlobPattern(String(repeating: "x", count: 1_001)) }
        #expect((try? GlobPattern(String(repeating: "{a,b}", count: 6))) != nil, "64 alternatives are allowed")
    }

    @Test("many ** segments match in polynomial time and still match correctly")
    func manyDoubleStars() throws {
        let deep = Array(repeating: "a", count: 40).joined(separator: "/")
        let pattern = Array(repeating: "**/a", count: 20).joined(separator: "/") + "/**/b"
        #expect(try !GlobPattern(pattern).matches(deep))
        #expect(try GlobPattern(pattern).matches(deep + "/b"))
        #expect(try GlobPattern("**/**/**/*.md").matches("x/y.md"))
        #expect(try GlobPattern("a/**/**/b").matches("a/b"))
    }
}
