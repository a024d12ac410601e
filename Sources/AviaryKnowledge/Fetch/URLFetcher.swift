import AsyncHTTPClient
import AviaryRuntime
import Foundation
import NIOCore
import NIOHTTP1

/// Fetches documents over HTTP for ingestion, safely by default (``FetchPolicy``):
///
/// - **Schemes.** http and https only; URLs with user info are refused.
/// - **Addresses.** The host is resolved here, and the fetch is refused when any of its
///   addresses is loopback, private, link-local, multicast, reserved, a cloud metadata service or
///   another non-public class (``AddressClass``), unless ``FetchPolicy/allow`` opens it. An IP
///   literal is recognised in every spelling (`http://2130706433/`, `http://0x7f.1/`,
///   `http://[::ffff:127.0.0.1]/`). The connection then goes to the vetted address itself (the
///   client's DNS override), so a second lookup cannot swap it (DNS rebinding); TLS still checks
///   the certificate against the host name.
/// - **Redirects** are followed here, not by the client, each target checked by the same rules,
///   at most ``FetchPolicy/maxRedirects``.
/// - **robots.txt** of each origin is read once per fetcher and obeyed (RFC 9309; see
///   ``RobotsTxt``): a missing one (4xx) allows everything, an unreadable one (5xx, unreachable)
///   disallows everything.
/// - **Limits.** One time limit for the whole fetch; the body is streamed and abandoned past
///   ``FetchPolicy/maxBytes``; only document content types are read (HTML, XHTML, plain text,
///   Markdown, CSV, JSON, PDF; `application/octet-stream` when the URL's extension names one).
public struct URLFetcher: DocumentFetcher {
    /// The rules.
    public let policy: FetchPolicy
    let resolver: any HostResolver
    let eventLoopGroup: any EventLoopGroup
    let robots = RobotsCache()

    /// Creates a fetcher. Each connection uses a short-lived HTTP client on `eventLoopGroup`
    /// (default: AsyncHTTPClient's shared group) that pins the vetted address.
    public init(policy: FetchPolicy = FetchPolicy(), resolver: any HostResolver = SystemHostResolver(),
                eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup) {
        self.policy = policy
        self.resolver = resolver
        self.eventLoopGroup = eventLoopGroup
    }

    /// Fetches `url`, following redirects.
    /// - Throws: ``FetchError``, or `CancellationError` when the calling task is cancelled.
    public func fetch(_ url: URL) async throws -> FetchedDocument {
        let start = try FetchTarget(url)
        let limit = policy.timeoutText
        return try await withTimeLimit(policy.timeout, timeout: { FetchError(.timeout, "timed out after \(limit) s fetching \(start)") }) {
            try await follow(start)
        }
    }

    private func follow(_ start: FetchTarget) async throws -> FetchedDocument {
        var target = start
        var redirects = 0
        while true {
            let addresses = try await vet(target)
            if policy.respectRobots { try await checkRobots(target) }
            let current = target
            let hop = try await get(current, addresses: addresses) { response in
                try await self.read(response, from: current)
            }
            switch hop {
            case .document(let document):
                return document
            case .redirect(let next):
                guard redirects < policy.maxRedirects else {
                    throw FetchError(.tooManyRedirects, "more than \(policy.maxRedirects) redirects fetching \(start) (the last to \(next))")
                }
                redirects += 1
                target = next
            }
        }
    }

    /// The addresses `target` may be fetched from, in the order to try them: its IP literal, or
    /// every address its name resolves to, once all of them passed the policy.
    func vet(_ target: FetchTarget) async throws(FetchError) -> [IPAddress] {
        switch target.host {
        case .address(let address):
            if let refusal = policy.allow.refusal(of: address, host: target.host) { throw refusal }
            return [address]
        case .name(let name):
            if let refusal = policy.allow.refusal(ofHostName: name) { throw refusal }
            let addresses = try await resolver.addresses(of: name)
            for address in addresses {
                if let refusal = policy.allow.refusal(of: address, host: target.host) { throw refusal }
            }
            guard !addresses.isEmpty else { throw FetchError(.unreachable, "\(name) has no addresses") }
            return addresses
        }
    }

    /// What one response of a document fetch leads to.
    enum Hop: Sendable {
        case document(FetchedDocument)
        case redirect(FetchTarget)
    }

    private func read(_ response: HTTPClientResponse, from target: FetchTarget) async throws -> Hop {
        if let next = try Self.redirectTarget(response, from: target) { return .redirect(next) }
        guard (200..<300).contains(response.status.code) else {
            throw FetchError(.httpStatus, "\(response.status.code) \(response.status.reasonPhrase) from \(target)")
        }
        let contentType = response.headers.first(name: "Content-Type")
        try Self.checkDocumentType(contentType, of: target)
        let data = try await Self.body(of: response, limit: policy.maxBytes, truncate: false, from: target)
        return .document(FetchedDocument(url: target.url, contentType: contentType, data: data))
    }

    /// The target of a redirect response (301, 302, 303, 307, 308), nil for any other status.
    static func redirectTarget(_ response: HTTPClientResponse, from target: FetchTarget) throws(FetchError) -> FetchTarget? {
        guard [301, 302, 303, 307, 308].contains(response.status.code) else { return nil }
        guard let location = response.headers.first(name: "Location"), let next = URL(string: location, relativeTo: target.url) else {
            throw FetchError(.httpStatus, "\(response.status.code) \(response.status.reasonPhrase) from \(target) without a valid Location")
        }
        return try FetchTarget(next)
    }

    /// Refuses a response that is not a document: the content type must be one the converter
    /// reads (`application/octet-stream` or none only when the URL's extension names a format).
    static func checkDocumentType(_ contentType: String?, of target: FetchTarget) throws(FetchError) {
        let essence = contentType.map { MediaType($0).essence } ?? ""
        switch DocumentFormat.meaning(ofMediaType: essence) {
        case .format: return
        case .unspecific where DocumentFormat.named(fileExtension: target.url.pathExtension) != nil: return
        case .unspecific, .unsupported:
            let named = essence.isEmpty ? "no content type" : "content type \(essence)"
            throw FetchError(.unsupportedType, "\(named) is not a document (from \(target)); Aviary fetches HTML, XHTML, Markdown, plain text, CSV, JSON and PDF")
        }
    }

    /// The body, read chunk by chunk: past `limit` bytes it fails (or, with `truncate`, stops
    /// and keeps the first `limit` bytes). A declared Content-Length over the limit fails at once.
    static func body(of response: HTTPClientResponse, limit: Int, truncate: Bool, from target: FetchTarget) async throws -> Data {
        let tooLarge = FetchError(.tooLarge, "\(target) is over the size limit of \(limit) bytes")
        if !truncate, let declared = response.headers.first(name: "Content-Length").flatMap(Int.init), declared > limit { throw tooLarge }
        var data = Data()
        for try await chunk in response.body {
            guard data.count + chunk.readableBytes <= limit else {
                if truncate {
                    data.append(contentsOf: chunk.readableBytesView.prefix(limit - data.count))
                    return data
                }
                throw tooLarge
            }
            data.append(contentsOf: chunk.readableBytesView)
        }
        return data
    }
}
