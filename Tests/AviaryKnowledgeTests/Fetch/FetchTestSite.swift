@testable import AviaryKnowledge
import AviaryTesting
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// A local web site for the fetcher's tests: a Hummingbird router on 127.0.0.1 (ephemeral port)
/// and a policy whose allowlist opens exactly 127.0.0.1.
enum FetchTestSite {
    /// Runs a site whose routes `configure` adds, with its base URL (`http://127.0.0.1:PORT`).
    static func run<T>(_ configure: (Router<BasicRequestContext>) -> Void, _ body: (String) async throws -> T) async throws -> T {
        let router = Router()
        configure(router)
        return try await LocalHTTPServer.run(router: router) { port in try await body("http://127.0.0.1:\(port)") }
    }

    /// The default policy, with 127.0.0.1 (only) allowed and the given changes.
    static func policy(_ change: (inout FetchPolicy) -> Void = { _ in }) throws -> FetchPolicy {
        var policy = FetchPolicy(allow: try FetchAllowlist(["127.0.0.1/32"]))
        change(&policy)
        return policy
    }

    /// A complete response.
    static func response(_ body: String, type: String = "text/html; charset=utf-8", status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// A redirect to `location`.
    static func redirect(_ location: String, status: HTTPResponse.Status = .found) -> Response {
        Response(status: status, headers: [.location: location])
    }

    /// Fetches `url` and returns the error it fails with (nil when it succeeds).
    static func failure(_ fetcher: URLFetcher, _ url: String) async -> FetchError? {
        do {
            _ = try await fetcher.fetch(URL(string: url)!)
            return nil
        } catch let error as FetchError {
            return error
        } catch {
            return FetchError(.unreachable, "unexpected \(error)")
        }
    }
}

/// A resolver with fixed answers, recording the names it was asked.
final class StubResolver: HostResolver {
    let answers: [String: [String]]
    private let names = Mutex<[String]>([])

    init(_ answers: [String: [String]]) { self.answers = answers }

    /// The names asked, in order.
    var asked: [String] { names.withLock { $0 } }

    func addresses(of host: String) async throws(FetchError) -> [IPAddress] {
        names.withLock { $0.append(host) }
        guard let found = answers[host] else { throw FetchError(.unreachable, "could not resolve \(host)") }
        return found.compactMap(IPAddress.init)
    }
}

/// Counts calls (requests a route received).
final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
