@testable import AviaryKnowledge
import AviaryTesting
import Foundation
import Hummingbird
import NIOCore
import Testing

/// The fetcher against a real local HTTP server, with the allowlist opening 127.0.0.1 only:
/// documents, statuses, content types, size and time limits, redirects checked hop by hop, the
/// default refusal of internal addresses and the address pinned for the connection.
@Suite struct URLFetcherTests {
    static let page = """
        <html><head><title>Shipping</title></head><body><nav>Home</nav><main><h1>Shipping</h1>
        <p>Orders ship in 2 days. See <a href="returns">returns</a> and <a href="/help/faq?x=1">the FAQ</a>.</p></main></body></html>
        """

    @Test func anHTMLPageIsFetchedAndConvertsWithItsLinksResolved() async throws {
        try await FetchTestSite.run({ router in
            router.get("docs/shipping") { request, _ -> Response in
                #expect(request.headers[.userAgent] == "Aviary/1.0 (+knowledge ingestion)")
                return FetchTestSite.response(Self.page)
            }
        }) { base in
            let fetched = try await URLFetcher(policy: try FetchTestSite.policy()).fetch(URL(string: base + "/docs/shipping#top")!)
            #expect(fetched.url.absoluteString == base + "/docs/shipping")
            #expect(fetched.contentType == "text/html; charset=utf-8")
            let converted = try DocumentConverter.convert(fetched.data, contentType: fetched.contentType, fileExtension: fetched.fileExtension,
                                                          baseURL: fetched.url)
            #expect(converted.title == "Shipping")
            #expect(converted.markdown.contains("[returns](\(base)/docs/returns)"))
            #expect(converted.markdown.contains("[the FAQ](\(base)/help/faq?x=1)"))
            #expect(!converted.markdown.contains("Home"))
        }
    }

    @Test func errorStatusesAndNonDocumentsFailWithWhatCameBack() async throws {
        try await FetchTestSite.run({ router in
            router.get("logo.png") { _, _ in FetchTestSite.response("\u{89}PNG", type: "image/png") }
            router.get("download") { _, _ in FetchTestSite.response("bytes", type: "application/octet-stream") }
            router.get("report.pdf") { _, _ in FetchTestSite.response("%PDF-1.4", type: "application/octet-stream") }
            router.get("broken") { _, _ in FetchTestSite.response("oops", status: .internalServerError) }
            router.get("notes.md") { _, _ in FetchTestSite.response("# Notes", type: "text/plain") }
        }) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy())
            #expect(await FetchTestSite.failure(fetcher, base + "/missing")?.description == "http_status: 404 Not Found from \(base)/missing")
            #expect(await FetchTestSite.failure(fetcher, base + "/broken")?.description == "http_status: 500 Internal Server Error from \(base)/broken")
            let png = await FetchTestSite.failure(fetcher, base + "/logo.png")
            #expect(png?.code == .unsupportedType && png?.message.hasPrefix("content type image/png is not a document") == true)
            #expect(await FetchTestSite.failure(fetcher, base + "/download")?.message.contains("application/octet-stream is not a document") == true)
            #expect(try await fetcher.fetch(URL(string: base + "/report.pdf")!).fileExtension == "pdf", "octet-stream with a document extension")
            #expect(try await fetcher.fetch(URL(string: base + "/notes.md")!).data == Data("# Notes".utf8))
        }
    }

    @Test func aBodyOverTheLimitIsAbandoned() async throws {
        let chunk = String(repeating: "x", count: 4_096)
        let rest = AsyncGate()
        try await FetchTestSite.run({ router in
            router.get("declared") { _, _ in FetchTestSite.response(String(repeating: chunk, count: 4), type: "text/plain") }
            router.get("streamed") { _, _ -> Response in
                // no Content-Length: 12 KB, then the rest of the body only once the gate opens
                Response(status: .ok, headers: [.contentType: "text/plain"], body: ResponseBody { writer in
                    for _ in 0..<3 { try await writer.write(ByteBuffer(string: chunk)) }
                    await rest.wait()
                    try await writer.write(ByteBuffer(string: chunk))
                    try await writer.finish(nil)
                })
            }
        }) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy { $0.maxBytes = 10_000 })
            #expect(await FetchTestSite.failure(fetcher, base + "/declared")?.description
                == "too_large: \(base)/declared is over the size limit of 10000 bytes")
            // the body cannot end before the gate opens: failing at all means failing mid-stream
            let streamed = await FetchTestSite.failure(fetcher, base + "/streamed")
            rest.open()
            #expect(streamed?.description == "too_large: \(base)/streamed is over the size limit of 10000 bytes")
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let gate = AsyncGate()
        try await FetchTestSite.run({ router in
            router.get("slow") { _, _ -> Response in
                await gate.wait()
                return FetchTestSite.response("late")
            }
        }) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy { $0.timeout = .milliseconds(300); $0.respectRobots = false })
            let failure = await FetchTestSite.failure(fetcher, base + "/slow")
            gate.open()
            #expect(failure?.description == "timeout: timed out after 0.3 s fetching \(base)/slow")
        }
    }

    @Test func redirectsAreFollowedWithinTheLimitAndEachTargetIsChecked() async throws {
        try await FetchTestSite.run({ router in
            router.get("a") { _, _ in FetchTestSite.redirect("/b", status: .movedPermanently) }
            router.get("b") { _, _ in FetchTestSite.redirect("c?from=b", status: .seeOther) }
            router.get("c") { _, _ in FetchTestSite.redirect("/docs/shipping", status: .permanentRedirect) }
            router.get("docs/shipping") { _, _ in FetchTestSite.response(Self.page) }
            router.get("loop") { _, _ in FetchTestSite.redirect("/loop") }
            router.get("to-metadata") { _, _ in FetchTestSite.redirect("http://169.254.169.254/latest/meta-data/") }
            router.get("to-other-loopback") { request, _ in
                FetchTestSite.redirect("http://0x7f000002:\(request.head.authority?.split(separator: ":").last ?? "80")/docs/shipping")
            }
            router.get("to-v6") { _, _ in FetchTestSite.redirect("http://[::1]/") }
            router.get("to-file") { _, _ in FetchTestSite.redirect("file:///etc/passwd") }
        }) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy())
            let fetched = try await fetcher.fetch(URL(string: base + "/a")!)
            #expect(fetched.url.absoluteString == base + "/docs/shipping", "relative links of the page resolve against the final URL")
            let limited = URLFetcher(policy: try FetchTestSite.policy { $0.maxRedirects = 2 })
            #expect(await FetchTestSite.failure(limited, base + "/a")?.code == .tooManyRedirects)
            #expect(await FetchTestSite.failure(fetcher, base + "/loop")?.description.hasPrefix("too_many_redirects: more than 5 redirects") == true)
            #expect(await FetchTestSite.failure(fetcher, base + "/to-metadata")?.description
                == "refused: 169.254.169.254 is a cloud metadata address; add it to knowledge.fetch.allow to allow it")
            #expect(await FetchTestSite.failure(fetcher, base + "/to-other-loopback")?.description
                == "refused: 127.0.0.2 is a loopback address; add it to knowledge.fetch.allow to allow it")
            #expect(await FetchTestSite.failure(fetcher, base + "/to-v6")?.message.hasPrefix("::1 is a loopback address") == true)
            #expect(await FetchTestSite.failure(fetcher, base + "/to-file")?.code == .unsupportedScheme)
        }
    }

    @Test func theDefaultPolicyRefusesInternalAddressesBeforeConnecting() async throws {
        let hits = Counter()
        try await FetchTestSite.run({ router in
            router.get("page") { _, _ in
                hits.increment()
                return FetchTestSite.response(Self.page)
            }
        }) { base in
            let port = base.split(separator: ":").last!
            let fetcher = URLFetcher()
            #expect(await FetchTestSite.failure(fetcher, base + "/page")?.description
                == "refused: 127.0.0.1 is a loopback address; add it to knowledge.fetch.allow to allow it")
            for spelling in ["2130706433", "0177.0.0.1", "0x7f.1", "127.1", "127.0.0.1.", "[::ffff:127.0.0.1]", "[::1]", "127.0.0.%31"] {
                let failure = await FetchTestSite.failure(fetcher, "http://\(spelling):\(port)/page")
                #expect(failure?.code == .refused, "\(spelling): \(String(describing: failure))")
            }
            #expect(await FetchTestSite.failure(fetcher, "http://evil@127.0.0.1:\(port)/page")?.code == .invalidURL)
            #expect(await FetchTestSite.failure(fetcher, "file:///etc/passwd")?.code == .unsupportedScheme)
            #expect(await FetchTestSite.failure(fetcher, "ftp://127.0.0.1:\(port)/page")?.code == .unsupportedScheme)
        }
        #expect(hits.count == 0)
    }

    @Test func namesAreResolvedVettedAndPinned() async throws {
        try await FetchTestSite.run({ router in
            router.get("host") { request, _ in FetchTestSite.response("<h1>Host</h1><p>\(request.head.authority ?? "none")</p>") }
        }) { base in
            let port = base.split(separator: ":").last!
            // `docs.test` exists only in this resolver: the connection must go to the vetted address
            let resolver = StubResolver(["docs.test": ["127.0.0.1"], "mixed.test": ["93.184.216.34", "10.0.0.1"]])
            let fetcher = URLFetcher(policy: try FetchTestSite.policy(), resolver: resolver)
            let fetched = try await fetcher.fetch(URL(string: "http://docs.test:\(port)/host")!)
            #expect(String(decoding: fetched.data, as: UTF8.self).contains("docs.test:\(port)"), "the Host header names the host, not the address")
            #expect(await FetchTestSite.failure(fetcher, "http://mixed.test/")?.description
                == "refused: mixed.test resolves to 10.0.0.1, a private address; add mixed.test or 10.0.0.1 to knowledge.fetch.allow to allow it")
            #expect(await FetchTestSite.failure(fetcher, "http://metadata.google.internal/computeMetadata/v1/")?.code == .refused)
            #expect(await FetchTestSite.failure(fetcher, "http://app.localhost:\(port)/host")?.code == .refused)
            #expect(await FetchTestSite.failure(fetcher, "http://nowhere.test/")?.code == .unreachable)
            #expect(!resolver.asked.contains("metadata.google.internal") && !resolver.asked.contains("app.localhost"))
            // a host entry opens the name whatever it resolves to
            let byName = URLFetcher(policy: FetchPolicy(allow: try FetchAllowlist(["docs.test"])), resolver: resolver)
            #expect(try await byName.fetch(URL(string: "http://docs.test:\(port)/host")!).data.isEmpty == false)
        }
    }

    @Test func theNextVettedAddressIsTriedWhenOneCannotBeReached() async throws {
        try await FetchTestSite.run({ router in
            router.get("page") { _, _ in FetchTestSite.response(Self.page) }
        }) { base in
            let port = base.split(separator: ":").last!
            // the server listens on 127.0.0.1 only: ::1 is refused (or has no route), then 127.0.0.1 answers
            let resolver = StubResolver(["two.test": ["::1", "127.0.0.1"]])
            let fetcher = URLFetcher(policy: FetchPolicy(allow: try FetchAllowlist(["127.0.0.1", "::1"]), respectRobots: false), resolver: resolver)
            #expect(try await fetcher.fetch(URL(string: "http://two.test:\(port)/page")!).contentType?.hasPrefix("text/html") == true)
            // the system resolver (localhost from /etc/hosts), opened by name
            #expect(try await SystemHostResolver().addresses(of: "localhost").contains(.v4(0x7F00_0001)))
            let system = URLFetcher(policy: FetchPolicy(allow: try FetchAllowlist(["localhost"]), respectRobots: false))
            #expect(try await system.fetch(URL(string: "http://localhost:\(port)/page")!).data.isEmpty == false)
        }
    }
}
