import AviaryKnowledge
import Foundation
import Testing

/// Headings, paragraphs, line breaks, lists, quotes, rules and definition lists.
@Suite struct HTMLToMarkdownBlockTests {
    @Test func headingsOfEveryLevel() throws {
        let html = (1...6).map { "<h\($0)>Level \($0)</h\($0)>" }.joined()
        #expect(try markdown(html) == """
            # Level 1

            ## Level 2

            ### Level 3

            #### Level 4

            ##### Level 5

            ###### Level 6
            """)
    }

    @Test func anEmptyHeadingIsLeftOut() throws {
        #expect(try markdown("<h2> <img src=x.png alt=''> </h2><p>Text</p>") == "Text")
    }

    @Test func headingsStayOnOneLine() throws {
        #expect(try markdown("<h2>Two<br>lines</h2>") == "## Two lines")
    }

    @Test func paragraphsAndLineBreaks() throws {
        let html = "<p>First paragraph.</p><p>Street 1<br>City<br><br></p><div>Loose <b>text</b></div>Trailing"
        #expect(try markdown(html) == "First paragraph.\n\nStreet 1  \nCity\n\nLoose **text**\n\nTrailing")
    }

    @Test func nestedListsAreIndentedUnderTheirItems() throws {
        let html = """
            <ul>
              <li>Fruit
                <ol>
                  <li>Apples</li>
                  <li>Pears
                    <ul><li>Conference</li></ul>
                  </li>
                </ol>
              </li>
              <li>Vegetables</li>
            </ul>
            """
        #expect(try markdown(html) == """
            - Fruit
              1. Apples
              2. Pears
                 - Conference
            - Vegetables
            """)
    }

    @Test func orderedListsNumberFromStartAndValue() throws {
        #expect(try markdown("<ol start=\"9\"><li>Nine</li><li>Ten</li><li value=\"20\">Twenty</li><li>Next</li></ol>") == """
            9. Nine
            10. Ten
            20. Twenty
            21. Next
            """)
        #expect(try markdown("<ol reversed><li>Three</li><li>Two</li><li>One</li></ol>") == "3. Three\n2. Two\n1. One")
    }

    @Test func continuationLinesAlignWithWideMarkers() throws {
        let items = (1...10).map { "<li>Item \($0)</li>" }.joined()
        let html = "<ol>\(items)<li><p>Eleven</p><p>More</p></li></ol>"
        #expect(try markdown(html).hasSuffix("10. Item 10\n11. Eleven\n\n    More"))
    }

    @Test func aListDirectlyInAListBelongsToThePreviousItem() throws {
        let html = "<ul><li>Parent</li><ul><li>Child</li></ul><li>Sibling</li></ul>"
        #expect(try markdown(html) == "- Parent\n  - Child\n- Sibling")
    }

    @Test func emptyItemsAreLeftOut() throws {
        #expect(try markdown("<ul><li></li><li> </li><li>Only</li></ul>") == "- Only")
    }

    @Test func itemsWithBlocksKeepThemIndented() throws {
        let html = "<ul><li><p>Intro</p><pre><code>make test</code></pre><blockquote>Quoted</blockquote></li></ul>"
        #expect(try markdown(html) == "- Intro\n\n  ```\n  make test\n  ```\n\n  > Quoted")
    }

    @Test func blockquotesPrefixEveryLine() throws {
        let html = "<blockquote><p>One</p><p>Two</p><blockquote>Nested</blockquote></blockquote><p>After</p>"
        #expect(try markdown(html) == "> One\n>\n> Two\n>\n> > Nested\n\nAfter")
    }

    @Test func aQuotationKeepsItsAttribution() throws {
        let html = "<blockquote><p>Simplicity is prerequisite for reliability.</p><footer>— <cite>Edsger Dijkstra</cite></footer></blockquote>"
        #expect(try markdown(html) == "> Simplicity is prerequisite for reliability.\n>\n> — Edsger Dijkstra")
    }

    @Test func detailsAndFigures() throws {
        let html = """
            <details><summary>More info</summary><p>Hidden by default.</p></details>
            <figure><img src="x.png" alt="Architecture diagram"><figcaption>Figure 1: the architecture</figcaption></figure>
            """
        #expect(try markdown(html) == "More info\n\nHidden by default.\n\nArchitecture diagram\n\nFigure 1: the architecture")
    }

    @Test func rulesSeparateButDoNotRepeatOrEdge() throws {
        #expect(try markdown("<hr><p>A</p><hr><hr><p>B</p><hr>") == "A\n\n---\n\nB")
    }

    @Test func definitionListsAreBoldTermsAndText() throws {
        let html = "<dl><dt>API</dt><dd>Application programming interface.</dd><dt><b>SDK</b></dt><dd><p>Kit.</p><p>More.</p></dd></dl>"
        #expect(try markdown(html) == "**API**\n\nApplication programming interface.\n\n**SDK**\n\nKit.\n\nMore.")
    }

    @Test func textThatLooksLikeMarkdownStaysText() throws {
        let html = "<p># not a heading</p><p>1. not a list</p><p>- nor this</p><p>&gt; nor a quote</p><p>2 * 3 = 6</p><p>snake_case and _private</p>"
        #expect(try markdown(html) == """
            \\# not a heading

            1\\. not a list

            \\- nor this

            \\> nor a quote

            2 \\* 3 = 6

            snake_case and \\_private
            """)
    }
}
