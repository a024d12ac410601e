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
    func matches(pattern: String, path: String) {
        #expect(GlobPattern(pattern).matches(path))
    }

    @Test("does not match", arguments: [
        ("*.md", "README.mdx"), ("docs/*.md", "docs/a/b.md"), ("docs/*.md", "other/docs/a.md"), ("?.txt", "ab.txt"),
        ("[abc].txt", "d.txt"), ("[!x].txt", "x.txt"), ("*.{md,txt}", "n.pdf"), ("a/**/b.txt", "a/b/c.txt"),
        ("\\*.md", "x.md"), ("*", ""),
    ])
    func doesNotMatch(pattern: String, path: String) {
        #expect(!GlobPattern(pattern).matches(path))
    }

    @Test("malformed brackets and braces are literal")
    func malformed() {
        #expect(GlobPattern("[abc.txt").matches("[abc.txt"))
        #expect(GlobPattern("{a.txt").matches("{a.txt"))
        #expect(GlobPattern("{solo}.txt").matches("{solo}.txt"))
    }
}
