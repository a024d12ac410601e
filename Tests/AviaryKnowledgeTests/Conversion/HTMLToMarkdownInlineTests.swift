import AviaryKnowledge
import Foundation
import Testing

/// Code, links, emphasis, images, entities and whitespace.
@Suite struct HTMLToMarkdownInlineTests {
    @Test func codeBlocksKeepTheirLanguageAndLayout() throws {
        let html = """
            <pre><code class="language-swift">
            func greet() {
                print("hi &lt;3")
            }
            </code></pre>
            <pre class="lang-sh">ls -la</pre>
            <pre class="highlight"><code>plain</code></pre>
            """
        #expect(try markdown(html) == """
            ```swift
            func greet() {
                print("hi <3")
            }
            ```

            ```sh
            ls -la
            ```

            ```
            plain
            ```
            """)
    }

    @Test func aFenceOutrunsBackticksInTheCode() throws {
        let html = "<pre><code class=\"language-md\">Use ```fences``` or ````more````</code></pre>"
        #expect(try markdown(html) == "`````md\nUse ```fences``` or ````more````\n`````")
    }

    @Test func codeBlockLinesFromHighlighterMarkup() throws {
        let html = "<pre><div class=\"line\"><span class=\"k\">let</span> a = 1</div><div class=\"line\">let b = 2</div>x<br>y</pre>"
        #expect(try markdown(html) == "```\nlet a = 1\nlet b = 2\nx\ny\n```")
    }

    @Test func inlineCode() throws {
        let html = "<p>Call <code>run()</code>, type <kbd>Ctrl</kbd>, or write <code>a `tick`</code> and <code>`edge</code>.</p>"
        #expect(try markdown(html) == "Call `run()`, type `Ctrl`, or write `` a `tick` `` and `` `edge ``.")
    }

    @Test func inlineCodeIsNotEscaped() throws {
        #expect(try markdown("<p><code>*args, **kwargs_</code></p>") == "`*args, **kwargs_`")
    }

    @Test func relativeLinksBecomeAbsolute() throws {
        let html = """
            <p><a href="setup.html">Setup</a>, <a href="/api?q=a b">API</a>, <a href="//cdn.example/x">CDN</a>,
            <a href="https://other.example/(x)">parens</a>, <a href="mailto:help@docs.example">mail</a>.</p>
            """
        #expect(try markdown(html) == """
            [Setup](https://docs.example/guide/setup.html), [API](https://docs.example/api?q=a%20b), \
            [CDN](https://cdn.example/x), [parens](https://other.example/%28x%29), [mail](mailto:help@docs.example).
            """)
    }

    @Test func scriptLinksFragmentsAndEmptyLinksKeepOnlyTheirText() throws {
        let html = """
            <p><a href="javascript:alert(1)">Run</a> <a href=" JavaScript:void(0)">Void</a> <a href="java&#9;script:x()">Tab</a>
            <a href="#top">Top</a> <a href="data:text/html,hi">Data</a> <a>No href</a> <a href="/x"></a><a href="/y"><img src="y.png"></a></p>
            """
        #expect(try markdown(html) == "Run Void Tab Top Data No href")
    }

    @Test func permalinkSymbolsInHeadingsAreDropped() throws {
        let html = "<h2 id=\"setup\">Setup<a class=\"headerlink\" href=\"#setup\" title=\"Permalink\">¶</a></h2><p>See <a href=\"#setup\">setup</a>.</p>"
        #expect(try markdown(html) == "## Setup\n\nSee setup.")
    }

    @Test func aBaseElementChangesWhereLinksPoint() throws {
        let html = "<head><base href=\"/v2/\"></head><body><a href=\"intro\">Intro</a></body>"
        #expect(try markdown(html) == "[Intro](https://docs.example/v2/intro)")
    }

    @Test func withoutABaseURLRelativeLinksStayRelative() throws {
        #expect(try markdown("<a href=\"intro.html\">Intro</a>", baseURL: nil) == "[Intro](intro.html)")
    }

    @Test func linkTextKeepsFormattingAndEscapesBrackets() throws {
        let html = "<p><a href=\"/a\">The <b>bold</b> [1] <code>x</code></a></p>"
        #expect(try markdown(html) == "[The **bold** \\[1\\] `x`](https://docs.example/a)")
    }

    @Test func aLinkAroundBlocksKeepsTheBlocks() throws {
        let html = "<a href=\"/post\"><h3>Post title</h3><p>Teaser</p></a>"
        #expect(try markdown(html) == "### Post title\n\nTeaser")
    }

    @Test func emphasisAndStrongWithSpacesOutside() throws {
        let html = "<p>A<b> bold </b>and <i>italic</i>, <strong><b>double</b></strong>, <em></em><del>gone</del>.</p>"
        #expect(try markdown(html) == "A **bold** and *italic*, **double**, ~~gone~~.")
    }

    @Test func imagesBecomeTheirAltTextWhenItMeansSomething() throws {
        let html = """
            <p>Before <img src="chart.png" alt="Revenue grew 20% in 2023"> after.</p>
            <p><img src="a.png" alt=""><img src="b.png"><img src="c.png" alt="image"><img src="d.png" alt="IMG_0042.JPG">
            <img src="e.png" alt="***">Text</p>
            """
        #expect(try markdown(html) == "Before Revenue grew 20% in 2023 after.\n\nText")
    }

    @Test func entitiesAreDecoded() throws {
        let html = "<p>Fish &amp; chips&nbsp;&#8212; &lt;tag&gt; &eacute;t&eacute; &#x1F600; &copy;</p>"
        #expect(try markdown(html) == "Fish & chips — <tag> été 😀 ©")
    }

    @Test func whitespaceCollapsesOutsideCode() throws {
        let html = "<p>  Lots   of\n\t spaces\n\n<span> here </span> <b> and </b>  there  </p>\n\n\n<p>\n</p><p>Next</p>"
        #expect(try markdown(html) == "Lots of spaces here **and** there\n\nNext")
    }

    @Test func spacesBetweenElementsAreKept() throws {
        #expect(try markdown("<p><time>May 1</time> <mark>2024</mark> <abbr>UTC</abbr>\n<data value=\"1\">one</data></p>") == "May 1 2024 UTC one")
    }

    @Test func invisibleCharactersAreRemoved() throws {
        #expect(try markdown("<p>in\u{AD}for\u{200B}mation\u{FEFF}</p>") == "information")
    }

    @Test func quotationsAreQuoted() throws {
        #expect(try markdown("<p>She said <q>yes</q>.</p>") == "She said \"yes\".")
    }
}
