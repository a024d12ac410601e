import Synchronization

/// An ``HTTPTransport`` that lets at most a fixed number of requests be in flight through it at
/// once (`providers.<name>.max_concurrent_requests`); more wait, in arrival order, for one to end.
/// A streamed request holds its slot until its body ends, fails, or is dropped.
public struct ConcurrencyLimitedTransport: HTTPTransport {
    /// The transport that carries the requests.
    public let base: any HTTPTransport
    /// The slots, shared by every copy of this transport.
    public let limiter: AsyncLimiter

    /// Wraps `base`, allowing `limit` requests at once.
    public init(base: any HTTPTransport, limit: Int) {
        self.base = base
        self.limiter = AsyncLimiter(limit: limit)
    }

    public func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        try await limiter.acquire()
        defer { limiter.release() }
        return try await base.send(request)
    }

    public func stream(_ request: HTTPRequestData) async throws -> HTTPStreamingResponse {
        try await limiter.acquire()
        let slot = Slot(limiter)
        let response: HTTPStreamingResponse
        do {
            response = try await base.stream(request)
        } catch {
            slot.release()
            throw error
        }
        let box = AsyncIteratorBox(response.body.makeAsyncIterator())
        let body = AsyncThrowingStream<[UInt8], any Error> {
            do {
                guard let chunk = try await box.next() else {
                    slot.release()
                    return nil
                }
                return chunk
            } catch {
                slot.release()
                throw error
            }
        }
        return HTTPStreamingResponse(status: response.status, headers: response.headers, body: body)
    }

    /// One taken slot: released once, at the body's end or failure, or when the stream is dropped.
    private final class Slot: Sendable {
        private let limiter: AsyncLimiter
        private let held = Atomic(true)

        init(_ limiter: AsyncLimiter) { self.limiter = limiter }

        func release() {
            if held.exchange(false, ordering: .acquiringAndReleasing) { limiter.release() }
        }

        deinit { release() }
    }
}
