@testable import AviaryKnowledge
import Foundation
import Testing

/// The renderer's own depth limit (libxml2 stops at 256 levels; the renderer at 128).
@Suite struct HTMLMarkdownRendererDepthTests {
    private func render(_ html: String, maximumDepth: Int) -> String? {
        HTMLParser.withRootElement(of: Data(html.utf8), encoding: "UTF-8") { root in
            var renderer = HTMLMarkdownRenderer(links: LinkResolver(pageURL: nil), maximumDepth: maximumDepth)
            return renderer.render(contentsOf: HTMLPageStructure(root: root).contentRoots[0])
        }
    }

    @Test func contentBelowTheLimitIsKeptAsText() {
        let html = """
            <div><div><h2>Deep</h2><p>one <b>bold</b> *</p><script>no()</script><ul><li>two</li></ul>\
            <img alt="A chart"></div></div><p>After</p>
            """
        #expect(render(html, maximumDepth: 2) == "Deep one bold \\* two A chart\n\nAfter")
        #expect(render(html, maximumDepth: 3) == "## Deep\n\none bold \\*\n\n- two\n\nA chart\n\nAfter")
    }

    @Test func theDefaultLimitIsBelowLibxml2s() {
        #expect(HTMLMarkdownRenderer.defaultMaximumDepth == 128)
        let html = String(repeating: "<blockquote>", count: 200) + "quoted" + String(repeating: "</blockquote>", count: 200)
        let markdown = render(html, maximumDepth: HTMLMarkdownRenderer.defaultMaximumDepth)
        #expect(markdown == String(repeating: "> ", count: 128) + "quoted")
    }
}
