import AviaryModels
import AviaryTesting
import Synchronization
import Testing

@Suite struct ConcurrencyLimitedTransportTests {
    /// Sends wait at a gate; streams get a body the test finishes. Records how many were in flight.
    final class GatedTransport: HTTPTransport {
        let gate = AsyncGate()
        private let counts = Mutex((now: 0, most: 0))
        private let bodies = Mutex<[AsyncThrowingStream<[UInt8], any Error>.Continuation]>([])
        private let failing = Atomic(false)
        /// Makes later `stream` calls fail before any response.
        func failFromNowOn() { failing.store(true, ordering: .relaxed) }

        var mostInFlight: Int { counts.withLock { $0.most } }
        /// The continuations of the streamed bodies handed out, in order.
        var streamBodies: [AsyncThrowingStream<[UInt8], any Error>.Continuation] { bodies.withLock { $0 } }

        func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
            counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            defer { counts.withLock { $0.now -= 1 } }
            await gate.wait()
            return HTTPResponseData(status: 200, headers: [], body: Array("ok".utf8))
        }

        func stream(_ request: HTTPRequestData) async throws -> HTTPStreamingResponse {
            if failing.load(ordering: .relaxed) { throw CancellationError() }
            let (body, continuation) = AsyncThrowingStream.makeStream(of: [UInt8].self)
            bodies.withLock { $0.append(continuation) }
            return HTTPStreamingResponse(status: 200, body: body)
        }
    }

    static let request = HTTPRequestData(url: "http://127.0.0.1:9/v1/chat/completions")

    @Test func sendsBeyondTheLimitWaitForAFreeSlot() async throws {
        let base = GatedTransport()
        let transport = ConcurrencyLimitedTransport(base: base, limit: 2)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { try await transport.send(Self.request).status } }
            await base.gate.waitForArrivals(2)
            #expect(await AsyncLimiterTests.eventually { transport.limiter.waiting == 3 })
            #expect(base.gate.arrivals == 2, "three calls wait for a slot instead of reaching the provider")
            base.gate.open()
            for try await status in group { #expect(status == 200) }
        }
        #expect(base.mostInFlight == 2)
        #expect(transport.limiter.inUse == 0)
    }

    @Test func aStreamHoldsItsSlotUntilItsBodyEnds() async throws {
        let base = GatedTransport()
        let transport = ConcurrencyLimitedTransport(base: base, limit: 1)
        let first = try await transport.stream(Self.request)
        let second = Task { try await transport.stream(Self.request).status }
        #expect(await AsyncLimiterTests.eventually { transport.limiter.waiting == 1 })
        let body = try #require(base.streamBodies.first)
        body.yield(Array("data".utf8))
        body.finish()
        var received: [UInt8] = []
        for try await chunk in first.body { received += chunk }
        #expect(received == Array("data".utf8))
        #expect(try await second.value == 200, "the second stream got the slot once the first body ended")
        base.streamBodies.last?.finish()
    }

    @Test func aDroppedStreamOrAFailedRequestReturnsItsSlot() async throws {
        let base = GatedTransport()
        let transport = ConcurrencyLimitedTransport(base: base, limit: 1)
        do {
            let unread = try await transport.stream(Self.request)
            #expect(unread.status == 200)
            #expect(transport.limiter.inUse == 1)
        }
        #expect(await AsyncLimiterTests.eventually { transport.limiter.inUse == 0 }, "dropping the stream frees the slot")
        base.failFromNowOn()
        await #expect(throws: CancellationError.self) { _ = try await transport.stream(Self.request) }
        #expect(transport.limiter.inUse == 0)
    }
}
