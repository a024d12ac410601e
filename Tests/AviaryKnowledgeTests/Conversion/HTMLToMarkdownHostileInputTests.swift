import AviaryKnowledge
import Foundation
import Testing

/// Malformed, hostile and non-HTML input.
@Suite struct HTMLToMarkdownHostileInputTests {
    @Test func malformedHTMLStillConverts() throws {
        let html = """
            <h1>Broken <b>page</h1>
            </div></span>
            <p>Unclosed paragraph
            <p>Another <i>with <b>mismatched</i> nesting</b>
            <ul><li>one<li>two</ul>
            <table><tr><td>cell<td>next</table>
            """
        #expect(try markdown(html) == """
            # Broken **page**

            Unclosed paragraph

            Another *with **mismatched*** nesting

            - one
            - two

            | cell | next |
            | --- | --- |
            """)
    }

    @Test func unclosedCommentsAndTagsDoNotLoseTheDocument() throws {
        #expect(try markdown("<p>Kept</p><p>Also <b>kept") == "Kept\n\nAlso **kept**")
        #expect(try markdown("<p>Before</p><!-- never closed <p>hidden</p>") == "Before")
    }

    /// A Darwin secondary thread's stack, where Swift concurrency runs code.
    static let smallStack = 512 * 1024

    @Test func tenThousandNestedDivsOnASmallStack() async throws {
        let depth = 10_000
        let html = "<p>Intro</p>" + String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
            + "<p>After</p>"
        let result = await onThread(stackSize: Self.smallStack) { try? HTMLToMarkdown.convert(html, baseURL: nil).markdown }
        // libxml2 stops parsing at 256 levels (its limit without XML_PARSE_HUGE, kept on purpose:
        // see HTMLToMarkdown), so what comes after that point is lost, but nothing crashes.
        #expect(result == "Intro")
    }

    @Test func aPageWhoseTextIsAllTooDeepHasNoText() async throws {
        let html = String(repeating: "<span>", count: 10_000) + "deep text"
        let error = await onThread(stackSize: Self.smallStack) { conversionError { try HTMLToMarkdown.convert(html, baseURL: nil) } }
        #expect(error?.code == .noText)
    }

    @Test func deeplyNestedStructureOnASmallStack() async throws {
        // Every kind of element the renderer recurses through, nested as deep as libxml2 goes
        // (240 levels, beyond the renderer's 128), then far beyond.
        let level = "<blockquote><ol><li><em><a href=\"/x\"><span><table><tr><td><dl><dd><b>"
        let close = "</b></dd></dl></td></tr></table></span></a></em></li></ol></blockquote>"
        for count in [20, 1_000] {
            let html = String(repeating: level + "t ", count: count) + "bottom" + String(repeating: close, count: count)
            let result = await onThread(stackSize: Self.smallStack) { () -> String? in
                try? HTMLToMarkdown.convert(html, baseURL: nil).markdown
            }
            let markdown = try #require(result)
            #expect(markdown.hasPrefix("> 1. t\n>\n>    > 1. t\n"))
            #expect(markdown.hasSuffix("bottom") == (count == 20))
        }
    }

    @Test func deepInlineNesting() async throws {
        let html = String(repeating: "<b><i>", count: 120) + "x" + String(repeating: "</i></b>", count: 120)
        let result = await onThread(stackSize: Self.smallStack) { try? HTMLToMarkdown.convert(html, baseURL: nil).markdown }
        #expect(result == "***x***")
    }

    @Test func binaryIsRefused() {
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png.append(Data(repeating: 0, count: 64))
        #expect(conversionError { try HTMLToMarkdown.convert(png, baseURL: nil) }?.code == .binaryContent)

        var blob = Data("<html><body>".utf8)
        blob.append(contentsOf: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let error = conversionError { try HTMLToMarkdown.convert(blob, baseURL: nil) }
        #expect(error?.code == .binaryContent)
        #expect(error?.message.contains("NUL bytes") == true)
    }

    @Test func emptyAndWhitespaceOnlyInputAreRefused() {
        for input in ["", "   \n\t  \r\n"] {
            let error = conversionError { try HTMLToMarkdown.convert(input, baseURL: nil) }
            #expect(error?.code == .emptyInput)
        }
        #expect(conversionError { try HTMLToMarkdown.convert(Data(), baseURL: nil) }?.code == .emptyInput)
    }

    @Test func aPageWithOnlyScriptsHasNoText() {
        let html = "<html><head><script>app()</script><style>p{}</style></head><body><script>more()</script><nav>Menu</nav></body></html>"
        let error = conversionError { try HTMLToMarkdown.convert(html, baseURL: nil) }
        #expect(error?.code == .noText)
        #expect(error?.description == "no_text: the page has no text once scripts, styles, navigation and hidden content are removed")
    }

    @Test func latin1BytesWithoutADeclaredEncoding() throws {
        let bytes = Data("<p>Caf".utf8) + Data([0xE9]) + Data(" cr".utf8) + Data([0xE8]) + Data("me</p>".utf8)
        #expect(try HTMLToMarkdown.convert(bytes, baseURL: nil).markdown == "Café crème")
    }

    @Test func latin1BytesDeclaredInMeta() throws {
        let bytes = Data("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Gr".utf8) + Data([0xFC, 0xDF])
            + Data(" aus K".utf8) + Data([0xF6]) + Data("ln</p></body></html>".utf8)
        #expect(try HTMLToMarkdown.convert(bytes, baseURL: nil).markdown == "Grüß aus Köln")
    }

    @Test func theCallersEncodingWins() throws {
        let bytes = Data("<p>".utf8) + Data([0xA4]) + Data("5</p>".utf8)
        #expect(try HTMLToMarkdown.convert(bytes, baseURL: nil, encoding: "ISO-8859-15").markdown == "€5")
    }

    @Test func aByteOrderMarkOverridesTheCallersEncoding() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data("<p>Ünïcödé</p>".utf8)
        #expect(try HTMLToMarkdown.convert(bytes, baseURL: nil, encoding: "ISO-8859-1").markdown == "Ünïcödé")
    }

    @Test func utf8IsReadAsUTF8() throws {
        #expect(try HTMLToMarkdown.convert(Data("<p>日本語 – ok</p>".utf8), baseURL: nil).markdown == "日本語 – ok")
    }

    @Test func utf16WithAByteOrderMark() throws {
        var bytes = Data([0xFF, 0xFE])
        for unit in "<p>Wide é</p>".utf16 { bytes.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        #expect(try HTMLToMarkdown.convert(bytes, baseURL: nil).markdown == "Wide é")
    }

    @Test func plainTextIsAcceptedAsAParagraph() throws {
        #expect(try markdown("just some text, no tags") == "just some text, no tags")
    }
}
