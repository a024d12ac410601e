@testable import AviaryKnowledge
import Foundation
import Testing

/// URLs read strictly and rebuilt in one spelling, and the allowlist's decisions.
@Suite struct FetchTargetTests {
    static func target(_ text: String) throws -> FetchTarget {
        try FetchTarget(try #require(URL(string: text), "\(text)"))
    }

    static func failure(_ text: String) -> FetchError? {
        guard let url = URL(string: text) else { return FetchError(.invalidURL, "unparsable") }
        do { _ = try FetchTarget(url); return nil } catch { return error }
    }

    /// URL → the canonical URL the client requests.
    @Test(arguments: [
        ("http://example.com", "http://example.com/"), ("HTTPS://Docs.Example.COM./a/b?x=1#frag", "https://docs.example.com/a/b?x=1"),
        ("http://2130706433/", "http://127.0.0.1/"), ("http://0177.0.0.1/x", "http://127.0.0.1/x"), ("http://0x7f.1:8080/", "http://127.0.0.1:8080/"),
        ("http://127.1/", "http://127.0.0.1/"), ("http://127.0.0.1./", "http://127.0.0.1/"), ("http://127.0.0.%31/", "http://127.0.0.1/"),
        ("http://[::FFFF:127.0.0.1]/", "http://[::ffff:127.0.0.1]/"), ("http://[0:0::1]:81/p", "http://[::1]:81/p"),
        ("https://example.com/a%20b/%7Ec?q=%41", "https://example.com/a%20b/%7Ec?q=%41"), ("http://evil.com#@127.0.0.1", "http://evil.com/"),
    ])
    func urlsAreRebuiltCanonically(_ given: String, _ canonical: String) throws {
        #expect(try Self.target(given).description == canonical)
    }

    @Test func hostsAreAddressesOrNames() throws {
        #expect(try Self.target("http://0x7f000002/").host == .address(.v4(0x7F00_0002)))
        #expect(try Self.target("http://[::1]/").host == .address(.v6(1)))
        #expect(try Self.target("https://Example.com./").host == .name("example.com"))
        #expect(try Self.target("https://xn--r8jz45g.jp/").host == .name("xn--r8jz45g.jp"))
        let t = try Self.target("https://example.com:8443/docs/a?lang=en")
        #expect(t.origin == "https://example.com:8443" && t.path == "/docs/a" && t.effectivePort == 8443)
        #expect(t.robotsTarget.description == "https://example.com:8443/robots.txt")
        #expect(try Self.target("http://example.com/").effectivePort == 80)
        #expect(try Self.target("https://example.com/").effectivePort == 443)
    }

    @Test func otherSchemesAreRefused() {
        for url in ["file:///etc/passwd", "ftp://example.com/file.txt", "gopher://example.com/", "data:text/html,hi", "javascript:alert(1)"] {
            #expect(Self.failure(url)?.code == .unsupportedScheme || Self.failure(url)?.code == .invalidURL, "\(url)")
        }
        #expect(Self.failure("ftp://example.com/")?.description == "unsupported_scheme: ftp: URLs are not fetched; only http and https are (ftp://example.com/)")
        #expect(Self.failure("file:///etc/passwd")?.code == .unsupportedScheme)
    }

    @Test func malformedHostsUserInfoAndPortsAreRefused() {
        for url in ["http://evil@127.0.0.1/", "http://user:pass@example.com/", "http://a\\b@c/", "http:///path", "http://1.2.3.4.5/",
                    "http://256.1.1.1/", "http://example.123/", "http://[fe80::1%25eth0]/", "http://ex_ample!.com/", "http://a..b.com/",
                    "http://example.com:0/", "http://example.com:99999/", "http://\(String(repeating: "a", count: 64)).com/", "http:example.com"] {
            let error = Self.failure(url)
            #expect(error?.code == .invalidURL, "\(url): \(String(describing: error))")
        }
        #expect(Self.failure("http://evil@127.0.0.1/")?.message.contains("evil") == false, "user info is not echoed")
    }

    @Test func theAllowlistReadsHostsSuffixesAddressesAndNetworks() throws {
        let allow = try FetchAllowlist(["Docs.Internal", "*.corp.example", "10.1.2.3", "[fd00::5]", "192.168.0.0/16", "0x7f.1", "169.254.0.0/16"])
        #expect(allow.entries.map(\.description) == ["docs.internal", "*.corp.example", "10.1.2.3", "fd00::5", "192.168.0.0/16", "127.0.0.1",
                                                     "169.254.0.0/16"])
        #expect(allow.permits(hostName: "docs.internal") && !allow.permits(hostName: "x.docs.internal"))
        #expect(allow.permits(hostName: "wiki.corp.example") && allow.permits(hostName: "a.b.corp.example") && !allow.permits(hostName: "corp.example"))
        #expect(!allow.permits(hostName: "evilcorp.example"))
        for allowed in ["192.168.4.4", "127.0.0.1", "0x7f.0.0.1", "10.1.2.3", "fd00::5"] {
            #expect(allow.permits(try #require(IPAddress(allowed))), "\(allowed)")
        }
        for refused in ["127.0.0.2", "10.1.2.4", "fd00::6", "::ffff:192.168.4.4"] {
            #expect(!allow.permits(try #require(IPAddress(refused))), "\(refused)")
        }
        #expect(allow.permits(try #require(IPAddress("169.254.1.1"))))
        #expect(!allow.permits(try #require(IPAddress("169.254.169.254"))), "a network never opens a metadata address")
        #expect(try FetchAllowlist(["169.254.169.254"]).permits(try #require(IPAddress("169.254.169.254"))), "naming it alone does")
        for bad in ["http://example.com", "10.0.0.0/33", "exa mple.com", "*.", "a/b", "", "1.2.3.4.5"] {
            #expect(throws: FetchError.self, "\(bad)") { try FetchAllowlist([bad]) }
        }
    }

    @Test func refusalsNameTheAddressItsClassAndTheSetting() throws {
        let none = FetchAllowlist()
        let loopback = try #require(IPAddress("127.0.0.1"))
        #expect(none.refusal(of: loopback, host: .address(loopback))?.description
            == "refused: 127.0.0.1 is a loopback address; add it to knowledge.fetch.allow to allow it")
        let privateAddress = try #require(IPAddress("10.0.0.7"))
        #expect(none.refusal(of: privateAddress, host: .name("intranet.example"))?.description
            == "refused: intranet.example resolves to 10.0.0.7, a private address; add intranet.example or 10.0.0.7 to knowledge.fetch.allow to allow it")
        #expect(none.refusal(ofHostName: "metadata.google.internal")?.message.contains("cloud metadata") == true)
        #expect(none.refusal(ofHostName: "localhost")?.code == .refused)
        #expect(none.refusal(ofHostName: "example.com") == nil)
        #expect(none.refusal(of: try #require(IPAddress("93.184.216.34")), host: .name("example.com")) == nil)
        let hosts = try FetchAllowlist(["intranet.example", "localhost"])
        #expect(hosts.refusal(of: privateAddress, host: .name("intranet.example")) == nil, "an allowed name may resolve anywhere")
        #expect(hosts.refusal(ofHostName: "localhost") == nil)
        #expect(hosts.refusal(of: privateAddress, host: .address(privateAddress)) != nil, "a name entry does not open its addresses to others")
    }
}
