import AviaryKnowledge
import Foundation
import Testing

/// Whole pages: what is kept (the main content) and what is left out (site chrome).
@Suite struct HTMLToMarkdownPageTests {
    static let bankPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Card fees &amp; limits | Example Bank</title>
          <style>body { color: red }</style>
          <script>var tracking = "do not index";</script>
          <link rel="stylesheet" href="/site.css">
        </head>
        <body class="has-cookie-banner">
          <div id="cookie-consent" class="banner">We use cookies. <button>Accept all</button></div>
          <header class="site-header">
            <a href="/"><img src="/logo.png" alt="Example Bank home"></a>
            <nav><ul><li><a href="/accounts">Accounts</a></li><li><a href="/cards">Cards</a></li></ul></nav>
          </header>
          <div class="layout">
            <aside class="sidebar"><h3>Related</h3><ul><li><a href="/loans">Loans</a></li></ul></aside>
            <article>
              <header><h1>Card fees</h1><p class="byline">Updated <time>2024-05-01</time></p></header>
              <!-- editors: keep this short -->
              <p>Our cards have <strong>no annual fee</strong>.
                 Foreign payments cost <em>1%</em>.</p>
              <h2>Limits</h2>
              <ul>
                <li>ATM: 500 EUR a day</li>
                <li>Online: 5 000 EUR a day</li>
              </ul>
              <p>See the <a href="../terms/cards.html">card terms</a>.</p>
              <script>trackArticle();</script>
              <div class="share" aria-hidden="true">Share on social</div>
              <footer><p>Questions? Call us.</p></footer>
            </article>
          </div>
          <footer class="site-footer">
            <p>© 2024 Example Bank</p>
            <form action="/newsletter"><label>Email <input name="email"></label><button>Subscribe</button></form>
          </footer>
          <noscript>Please enable JavaScript</noscript>
          <script src="/analytics.js"></script>
        </body>
        </html>
        """

    @Test func aRealisticPageBecomesItsArticle() throws {
        let document = try HTMLToMarkdown.convert(Self.bankPage, baseURL: URL(string: "https://bank.example/help/fees.html"))
        #expect(document.title == "Card fees & limits | Example Bank")
        #expect(document.markdown == """
            # Card fees

            Updated 2024-05-01

            Our cards have **no annual fee**. Foreign payments cost *1%*.

            ## Limits

            - ATM: 500 EUR a day
            - Online: 5 000 EUR a day

            See the [card terms](https://bank.example/terms/cards.html).

            Questions? Call us.
            """)
    }

    @Test func withoutMainContentSiteChromeIsLeftOut() throws {
        let html = """
            <html><head><title>Status</title></head><body>
            <div role="banner">Site banner</div>
            <header><a href="/">Home</a></header>
            <nav>Menu</nav>
            <div class="gdpr-notice">We value your privacy</div>
            <div class="cc-banner">Cookies!</div>
            <div role="navigation"><a href="/a">A</a></div>
            <div role="search"><input type="search"></div>
            <div id="content">
              <h1>All systems operational</h1>
              <p hidden>Internal note</p>
              <p style="display: none">Also hidden</p>
              <p>Last checked 5 minutes ago.</p>
              <template><p>Template text</p></template>
              <svg><title>Icon</title><text>SVG text</text></svg>
              <canvas>Canvas fallback</canvas>
              <iframe src="/ad">Ad</iframe>
            </div>
            <aside>Sidebar</aside>
            <footer>Footer text</footer>
            <div role="contentinfo">Legal</div>
            </body></html>
            """
        let document = try HTMLToMarkdown.convert(html, baseURL: nil)
        #expect(document.title == "Status")
        #expect(document.markdown == "# All systems operational\n\nLast checked 5 minutes ago.")
    }

    @Test func mainIsPreferredOverTheRestOfThePage() throws {
        let html = """
            <body><div class="promo"><p>Sign up today!</p></div>
            <main><h2>Installing</h2><p>Run the installer.</p></main>
            <div><p>More promotions</p></div></body>
            """
        #expect(try markdown(html) == "## Installing\n\nRun the installer.")
    }

    @Test func roleMainCountsAsMain() throws {
        let html = "<body><p>Teaser</p><div role=\"main\"><p>The content.</p></div><p>Outro</p></body>"
        #expect(try markdown(html) == "The content.")
    }

    @Test func anEmptyMainFallsBackToTheBody() throws {
        let html = "<body><main id=\"app\"></main><div><p>Rendered elsewhere.</p></div></body>"
        #expect(try markdown(html) == "Rendered elsewhere.")
    }

    @Test func severalArticlesAreAllKept() throws {
        let html = "<body><article><p>First post</p></article><article><p>Second post</p></article></body>"
        #expect(try markdown(html) == "First post\n\nSecond post")
    }

    @Test func articlesNestedInTheArticleDoNotCount() throws {
        let html = """
            <body><p>Site intro</p><article><h1>Post</h1><p>Body</p>
            <section><article><p>A comment</p></article></section></article></body>
            """
        #expect(try markdown(html) == "# Post\n\nBody\n\nA comment")
    }

    @Test func theTitleFallsBackToTheFirstH1() throws {
        let document = try HTMLToMarkdown.convert("<body><h2>Intro</h2><h1> The <em>real</em> title </h1></body>", baseURL: nil)
        #expect(document.title == "The real title")
        let untitled = try HTMLToMarkdown.convert("<body><p>No headings</p></body>", baseURL: nil)
        #expect(untitled.title == nil)
    }

    @Test func anSVGTitleIsNotThePageTitle() throws {
        let document = try HTMLToMarkdown.convert("<body><svg><title>Chart</title></svg><p>Text</p></body>", baseURL: nil)
        #expect(document.title == nil)
    }

    @Test func aFormWrappingThePageKeepsItsContentButNotItsControls() throws {
        // ASP.NET WebForms put the whole page in one form.
        let html = """
            <body><form id="form1" action="/page.aspx"><input type="hidden" name="__VIEWSTATE" value="abc">
            <h1>Opening hours</h1><p>Monday to Friday, 9 to 5.</p><button>Search</button></form></body>
            """
        #expect(try markdown(html) == "# Opening hours\n\nMonday to Friday, 9 to 5.")
    }

    @Test func aSearchFormIsLeftOut() throws {
        let html = "<body><form action=\"/search\"><p>Search the docs</p><input name=\"q\"></form><p>Content</p></body>"
        #expect(try markdown(html) == "Content")
    }

    @Test func aBodyClassMentioningCookiesDoesNotDropThePage() throws {
        let html = "<body class=\"cookie-consent-given\"><main class=\"gdpr-ok\"><p>Still here</p></main></body>"
        #expect(try markdown(html) == "Still here")
    }
}
