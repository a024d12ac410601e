@testable import AviaryKnowledge
import AviaryTesting
import Foundation
import Hummingbird
import Testing

/// robots.txt against a real local server: obeyed for the fetcher's token, read once per origin,
/// a missing one allowing everything, an unreadable one disallowing everything (and read again
/// next time), and `respectRobots: false` skipping it.
@Suite struct URLFetcherRobotsTests {
    static func site(robots: @escaping @Sendable () -> Response, requests: Counter) -> (Router<BasicRequestContext>) -> Void {
        { router in
            router.get("robots.txt") { _, _ -> Response in
                requests.increment()
                return robots()
            }
            for path in ["public", "private/x", "private/press/a", "bots/aviary-only"] {
                router.get(RouterPath(path)) { _, _ in FetchTestSite.response("<h1>\(path)</h1><p>Text of \(path).</p>") }
            }
        }
    }

    @Test func theRulesForTheFetchersTokenAreObeyedAndReadOncePerOrigin() async throws {
        let requests = Counter()
        let robots = "User-agent: *\nDisallow: /private\nAllow: /private/press\n\nUser-agent: Aviary\nDisallow: /bots\n"
        try await FetchTestSite.run(Self.site(robots: { FetchTestSite.response(robots, type: "text/plain") }, requests: requests)) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy())
            #expect(await FetchTestSite.failure(fetcher, base + "/public") == nil, "Aviary's own group does not disallow /public")
            #expect(await FetchTestSite.failure(fetcher, base + "/private/x") == nil, "the * group does not apply to Aviary")
            let bots = await FetchTestSite.failure(fetcher, base + "/bots/aviary-only")
            #expect(bots?.description == "robots_disallowed: robots.txt of \(base.dropFirst("http://".count)) disallows /bots/aviary-only")
            #expect(requests.count == 1, "robots.txt is read once per origin and fetcher")

            let other = URLFetcher(policy: try FetchTestSite.policy { $0.userAgent = "OtherBot/1.0" })
            #expect(await FetchTestSite.failure(other, base + "/private/x")?.code == .robotsDisallowed)
            #expect(await FetchTestSite.failure(other, base + "/private/press/a") == nil, "the longer Allow wins")
            #expect(await FetchTestSite.failure(other, base + "/bots/aviary-only") == nil)
            #expect(requests.count == 2, "each fetcher keeps its own cache")

            let ignoring = URLFetcher(policy: try FetchTestSite.policy { $0.respectRobots = false })
            #expect(await FetchTestSite.failure(ignoring, base + "/bots/aviary-only") == nil)
            #expect(requests.count == 2, "robots: false does not read robots.txt")
        }
    }

    @Test func aMissingRobotsTxtAllowsEverything() async throws {
        let requests = Counter()
        try await FetchTestSite.run(Self.site(robots: { FetchTestSite.response("gone", status: .notFound) }, requests: requests)) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy())
            #expect(await FetchTestSite.failure(fetcher, base + "/private/x") == nil)
            #expect(await FetchTestSite.failure(fetcher, base + "/bots/aviary-only") == nil)
            #expect(requests.count == 1)
        }
    }

    @Test func anUnreadableRobotsTxtDisallowsEverythingAndIsReadAgain() async throws {
        let requests = Counter()
        try await FetchTestSite.run(Self.site(robots: { FetchTestSite.response("down", status: .serviceUnavailable) }, requests: requests)) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy())
            let failure = await FetchTestSite.failure(fetcher, base + "/public")
            #expect(failure?.code == .robotsDisallowed)
            #expect(failure?.message.contains("could not be read (503 Service Unavailable)") == true)
            #expect(failure?.message.contains("knowledge.fetch.robots") == true)
            _ = await FetchTestSite.failure(fetcher, base + "/public")
            #expect(requests.count == 2, "a failure to read robots.txt is not kept")
        }
    }

    @Test func aRobotsTxtRedirectingToARefusedAddressDisallows() async throws {
        let requests = Counter()
        try await FetchTestSite.run(Self.site(robots: { FetchTestSite.redirect("http://10.0.0.1/robots.txt") }, requests: requests)) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy())
            let failure = await FetchTestSite.failure(fetcher, base + "/public")
            #expect(failure?.code == .robotsDisallowed)
            #expect(failure?.message.contains("10.0.0.1 is a private address") == true, "\(String(describing: failure))")
        }
    }
}
