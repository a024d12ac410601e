import AsyncHTTPClient
@testable import AviaryApp
import AviaryTesting
import Hummingbird
import NIOHTTP1
import Synchronization
import Testing

/// Provider calls carry the provider key; a provider (or anything that answers for it) that
/// redirects must not get the key sent on: the shared client does not follow redirects.
@Suite struct ProviderRedirectTests {
    @Test func theProviderClientDoesNotFollowRedirects() async throws {
        let reached = Mutex<[String]>([])
        let router = Router()
        router.post("v1/messages") { _, _ -> Response in
            Response(status: .temporaryRedirect, headers: [.location: "/elsewhere"])
        }
        router.post("elsewhere") { request, _ -> String in
            reached.withLock { $0.append(request.headers[.init("x-api-key")!] ?? "") }
            return "{}"
        }
        try await LocalHTTPServer.run(router: router) { port in
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: ProviderHTTPConfiguration.make())
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/messages")
            request.method = .POST
            request.headers.add(name: "x-api-key", value: "sk-ant-secret")
            request.body = .bytes(.init(string: "{}"))
            let response = try await client.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 16)
            try await client.shutdown()
            #expect(response.status.code == 307, "the redirect comes back as the answer")
        }
        #expect(reached.withLock { $0 }.isEmpty, "the key never reaches the redirect's target")
    }
}
