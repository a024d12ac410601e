import AviaryModels
import Synchronization
import Testing

@Suite struct RetryPolicyTests {
    private final class Counter: Sendable {
        private let value = Mutex(0)
        func next() -> Int { value.withLock { $0 += 1; return $0 } }
        var count: Int { value.withLock { $0 } }
    }

    private func http(_ status: Int, headers: [(name: String, value: String)] = []) -> ProviderError {
        ProviderError.http(provider: "openai", status: status, headers: headers, body: Array("{}".utf8))
    }

    @Test func honoursRetryAfterOn429() async throws {
        let sleeps = SleepRecorder()
        let calls = Counter()
        let result = try await sleeps.policy().run {
            if calls.next() == 1 { throw http(429, headers: [("Retry-After", "7")]) }
            return "ok"
        }
        #expect(result == "ok")
        #expect(calls.count == 2)
        #expect(sleeps.recorded == [.seconds(7)])
    }

    @Test func retries500ThenSucceeds() async throws {
        let sleeps = SleepRecorder()
        let calls = Counter()
        let result = try await sleeps.policy(random: 0.5).run {
            if calls.next() < 3 { throw http(500) }
            return 42
        }
        #expect(result == 42)
        #expect(calls.count == 3)
        // full jitter: random × base × 2^(n-1) with base 0.5 s
        #expect(sleeps.recorded == [.milliseconds(250), .milliseconds(500)])
    }

    @Test func doesNotRetry400() async throws {
        let sleeps = SleepRecorder()
        let calls = Counter()
        let error = await #expect(throws: ProviderError.self) {
            try await sleeps.policy().run { _ = calls.next(); throw http(400) }
        }
        #expect(error?.status == 400)
        #expect(calls.count == 1)
        #expect(sleeps.recorded.isEmpty)
    }

    @Test func capsAttempts() async throws {
        let sleeps = SleepRecorder()
        let calls = Counter()
        var retried: [Int] = []
        await #expect(throws: ProviderError.self) {
            try await sleeps.policy(maxAttempts: 4).run(onRetry: { attempt, _, _ in retried.append(attempt) }) {
                _ = calls.next()
                throw http(503)
            }
        }
        #expect(calls.count == 4)
        #expect(retried == [1, 2, 3])
        #expect(sleeps.recorded.count == 3)
    }

    @Test func capsRetryAfterAndBackoff() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .seconds(1), maxDelay: .seconds(4),
                                 maxRetryAfter: .seconds(30), sleep: { _ in }, random: { 1 })
        #expect(policy.delay(beforeRetry: 1, after: http(429, headers: [("retry-after", "3600")])) == .seconds(30))
        #expect(policy.delay(beforeRetry: 1, after: http(500)) == .seconds(1))
        #expect(policy.delay(beforeRetry: 3, after: http(500)) == .seconds(4))
        #expect(policy.delay(beforeRetry: 9, after: http(500)) == .seconds(4))
        let noJitter = RetryPolicy(sleep: { _ in }, random: { 0 })
        #expect(noJitter.delay(beforeRetry: 2, after: http(502)) == .zero)
    }

    @Test func retriesTransportFailuresButNotCancellationOrForeignErrors() async throws {
        struct Foreign: Error {}
        let sleeps = SleepRecorder()
        let calls = Counter()
        let value = try await sleeps.policy().run {
            if calls.next() == 1 { throw ProviderError.transport(provider: "openai", underlying: Foreign()) }
            return true
        }
        #expect(value)
        await #expect(throws: CancellationError.self) {
            try await sleeps.policy().run { throw CancellationError() }
        }
        await #expect(throws: Foreign.self) {
            try await sleeps.policy().run { throw Foreign() }
        }
        #expect(sleeps.recorded.count == 1)
    }

    @Test func noneNeverRetries() async {
        let calls = Counter()
        await #expect(throws: ProviderError.self) {
            try await RetryPolicy.none.run { _ = calls.next(); throw http(503) }
        }
        #expect(calls.count == 1)
    }
}
