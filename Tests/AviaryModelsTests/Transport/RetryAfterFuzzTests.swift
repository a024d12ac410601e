@testable import AviaryModels
import Testing

/// A provider (or any proxy in front of it) controls `Retry-After`, `retry-after-ms` and the
/// rate-limit reset headers: no value may crash the process, and every wait is finite, non-negative
/// and capped.
@Suite struct RetryAfterFuzzTests {
    private func http(_ headers: [(name: String, value: String)], status: Int = 429) -> ProviderError {
        ProviderError.http(provider: "openai", status: status, headers: headers, body: Array("{}".utf8))
    }

    private let policy = RetryPolicy(maxAttempts: 3, maxRetryAfter: .seconds(60), sleep: { _ in }, random: { 1 })

    /// The attack's own inputs: huge and non-finite numbers, and HTTP dates with absurd fields.
    static let hostile = [
        "1e20", "inf", "-inf", "infinity", "nan", "1e308", "1e309", "-1", "-0", "0x10", "9223372036854775807",
        "18446744073709551616", "  1e400  ", "", " ",
        "Wed, 21 Oct 9223372036854775807 07:28:00 GMT", "Wed, 21 Oct -9223372036854775808 07:28:00 GMT",
        "Wed, 9223372036854775807 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015 9223372036854775807:00:00 GMT",
        "Wed, 21 Oct 2015 07:28:99999999999999999999 GMT", "Wed, 21 Oct 99999 07:28:00 GMT", "Wed, 00 Oct 2015 07:28:00 GMT",
    ]

    @Test(arguments: hostile)
    func retryAfterValuesNeverTrapAndStayBounded(_ value: String) {
        for name in ["Retry-After", "retry-after-ms"] {
            let error = http([(name, value)])
            if let seconds = error.retryAfter {
                #expect(seconds.isFinite && seconds >= 0 && seconds <= RetryAfter.limit, "\(name): \(value) → \(seconds)")
            }
            let delay = policy.delay(beforeRetry: 1, after: error)
            #expect(delay >= .zero && delay <= .seconds(60), "\(name): \(value) → \(delay)")
        }
    }

    @Test(arguments: ["1e20s", "9999999999999999999999h", "1e400ms", "infs", "nanm", String(repeating: "9", count: 400) + "s"])
    func rateLimitResetDurationsNeverTrapAndStayBounded(_ value: String) {
        let error = http([("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", value)])
        if let seconds = error.retryAfter { #expect(seconds.isFinite && seconds >= 0 && seconds <= RetryAfter.limit) }
        let delay = policy.delay(beforeRetry: 1, after: error)
        #expect(delay >= .zero && delay <= .seconds(60))
    }

    /// Random header values built from the characters the parsers look at.
    @Test func randomHeaderValuesNeverTrap() {
        var generator = SplitMix64(seed: 0x5eed)
        let alphabet = Array("0123456789.e+-infa: ,GMTWedOct")
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 40)
            let value = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            for name in ["Retry-After", "retry-after-ms", "x-ratelimit-reset-tokens"] {
                let error = http([(name, value), ("x-ratelimit-remaining-tokens", "0")])
                if let seconds = error.retryAfter { #expect(seconds.isFinite && seconds >= 0 && seconds <= RetryAfter.limit, "\(name): \(value)") }
                _ = policy.delay(beforeRetry: 1, after: error)
            }
        }
    }

    @Test func ordinaryValuesKeepTheirMeaning() {
        #expect(http([("Retry-After", "7")]).retryAfter == 7)
        #expect(http([("retry-after-ms", "250")]).retryAfter == 0.25)
        #expect(RetryAfter.parseHTTPDate("Wed, 21 Oct 2015 07:28:00 GMT") == 1_445_412_480)
        #expect(RetryAfter.parseDuration("6m0s") == 360)
        #expect(policy.delay(beforeRetry: 1, after: http([("Retry-After", "1e20")])) == .seconds(60))
    }
}

/// A small deterministic generator, so a failing value can be reproduced.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
