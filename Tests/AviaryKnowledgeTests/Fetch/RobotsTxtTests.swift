@testable import AviaryKnowledge
import Testing

/// robots.txt as RFC 9309 reads it: the crawler's own groups (merged) or else `*`, the longest
/// matching rule deciding with `Allow` winning ties, `*` and `$` in patterns.
@Suite struct RobotsTxtTests {
    static let file = """
        # comments and unknown records are ignored
        Sitemap: https://example.com/sitemap.xml

        User-agent: *
        Disallow: /private
        Allow: /private/press
        Disallow: /*.pdf$
        Disallow: /search?
        Crawl-delay: 10

        User-agent: Googlebot
        user-agent: bingbot
        Disallow: /

        User-Agent: aviary/2.0
        Disallow: /drafts/
        Allow: /drafts/public

        User-agent: AVIARY
        Disallow: /tmp
        """

    @Test func theCrawlersOwnGroupsAreMergedAndCaseInsensitive() {
        let robots = RobotsTxt(parsing: Self.file, token: "Aviary")
        #expect(!robots.allows("/drafts/x") && robots.allows("/drafts/public/y"))
        #expect(!robots.allows("/tmp/file"))
        #expect(robots.allows("/private/x"), "the * group does not apply when the crawler has its own")
        #expect(robots.allows("/"))
    }

    @Test func otherCrawlersUseTheStarGroup() {
        let robots = RobotsTxt(parsing: Self.file, token: "OtherBot")
        #expect(!robots.allows("/private") && !robots.allows("/private/secret"))
        #expect(robots.allows("/private/press/release"), "the longer Allow wins")
        #expect(!robots.allows("/docs/manual.pdf") && robots.allows("/docs/manual.pdf?download=1"), "$ anchors the end")
        #expect(!robots.allows("/search?q=x") && robots.allows("/search"))
        #expect(robots.allows("/public"))
        let google = RobotsTxt(parsing: Self.file, token: "bingbot")
        #expect(!google.allows("/anything"))
        #expect(google.allows("/robots.txt"), "robots.txt itself is always allowed")
    }

    @Test func longestMatchWinsAndAllowWinsATie() {
        let robots = RobotsTxt(parsing: "User-agent: *\nDisallow: /a\nAllow: /a\nDisallow: /b/*/c\nAllow: /b/\n", token: "Aviary")
        #expect(robots.allows("/a/x"), "equal length: Allow wins")
        #expect(!robots.allows("/b/x/c") && robots.allows("/b/x/d"))
    }

    @Test func emptyMissingAndMalformedFilesAllowEverything() {
        #expect(RobotsTxt(parsing: "", token: "Aviary").allows("/x"))
        #expect(RobotsTxt(parsing: "User-agent: *\nDisallow:\n", token: "Aviary").allows("/x"), "an empty Disallow allows")
        #expect(RobotsTxt(parsing: "Disallow: /\n", token: "Aviary").allows("/x"), "rules before any User-agent belong to no group")
        #expect(RobotsTxt(parsing: "garbage\n\u{0}\u{1}\nUser-agent *\n", token: "Aviary").allows("/x"))
        #expect(RobotsTxt.allowAll.allows("/x") && !RobotsTxt.disallowAll.allows("/x") && RobotsTxt.disallowAll.allows("/robots.txt"))
    }

    @Test func percentEncodingIsComparedInOneSpelling() {
        let robots = RobotsTxt(parsing: "User-agent: *\r\nDisallow: /caf%c3%a9\r\nDisallow: /%7Euser\r\nDisallow: /a b\n", token: "Aviary")
        #expect(!robots.allows("/caf%C3%A9/menu"))
        #expect(!robots.allows("/~user/home") && !robots.allows("/%7euser/home"))
        #expect(!robots.allows("/a%20b"))
        #expect(robots.allows("/cafe"))
    }

    @Test func wildcardsMatchWithoutBlowingUp() {
        let robots = RobotsTxt(parsing: "User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*b$\n", token: "Aviary")
        #expect(robots.allows("/" + String(repeating: "a", count: 5_000)))
        #expect(!robots.allows("/" + String(repeating: "a", count: 50) + "b"))
        #expect(RobotsTxt.matches("/*", "/anything") && RobotsTxt.matches("/x$", "/x") && !RobotsTxt.matches("/x$", "/xy"))
    }

    @Test func theProductTokenIsTheUserAgentsFirstWord() {
        #expect(FetchPolicy().robotsToken == "Aviary")
        #expect(FetchPolicy(userAgent: "AcmeBot/2.1 (+https://acme.example/bot)").robotsToken == "AcmeBot")
    }
}
