import AsyncHTTPClient
@testable import AviaryApp
import AviaryTesting
import Hummingbird
import Testing

@Suite struct ProviderHTTPConfigurationTests {
    /// Many concurrent model calls to one provider are all in flight at once: none waits for
    /// another to finish (AsyncHTTPClient's default allows 8 connections per host).
    @Test func manyCallsToOneHostAreInFlightTogether() async throws {
        let calls = 32
        let gate = AsyncGate()
        let router = Router()
        router.get("slow") { _, _ -> String in
            await gate.wait()
            return "ok"
        }
        try await LocalHTTPServer.run(router: router) { port in
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: ProviderHTTPConfiguration.make())
            defer { _ = client.shutdown() }
            try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<calls {
                    group.addTask {
                        let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/slow"), timeout: .seconds(60))
                        return String(buffer: try await response.body.collect(upTo: 1024))
                    }
                }
                let deadline = ContinuousClock.now + .seconds(30)
                while gate.arrivals < calls, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(5)) // sleep-ok: polling with a deadline
                }
                let allArrived = gate.arrivals >= calls
                gate.open()
                #expect(allArrived, "only \(gate.arrivals) of \(calls) calls reached the server while none had finished")
                for try await answer in group { #expect(answer == "ok") }
            }
        }
    }
}
