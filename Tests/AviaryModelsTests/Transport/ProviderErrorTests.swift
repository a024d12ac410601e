import AviaryModels
import Foundation
import Testing

@Suite struct ProviderErrorTests {
    private func http(_ status: Int, _ headers: [(name: String, value: String)], now: Date = Date()) -> ProviderError {
        ProviderError.http(provider: "openai", status: status, headers: headers, body: [], now: now)
    }

    @Test func parsesRetryAfterSecondsAndHTTPDate() {
        #expect(http(429, [("Retry-After", "12")]).retryAfter == 12)
        #expect(http(503, [("retry-after", " 1.5 ")]).retryAfter == 1.5)
        let now = Date(timeIntervalSince1970: 1_445_412_470) // Wed, 21 Oct 2015 07:27:50 GMT
        #expect(http(429, [("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")], now: now).retryAfter == 10)
        #expect(http(429, [("Retry-After", "Wed, 21 Oct 2015 07:27:00 GMT")], now: now).retryAfter == 0)
        #expect(http(429, [("Retry-After", "soon")]).retryAfter == nil)
        #expect(http(429, []).retryAfter == nil)
    }

    @Test func parsesProviderRateLimitHeaders() {
        #expect(http(429, [("retry-after-ms", "250"), ("retry-after", "9")]).retryAfter == 0.25)
        let openAI: [(name: String, value: String)] = [
            ("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "6m0s"),
            ("x-ratelimit-remaining-tokens", "1000"), ("x-ratelimit-reset-tokens", "20ms"),
        ]
        #expect(http(429, openAI).retryAfter == 360)
        #expect(http(500, openAI).retryAfter == nil)
        #expect(http(429, [("x-ratelimit-remaining-tokens", "0"), ("x-ratelimit-reset-tokens", "1m30.5s")])
            .retryAfter == 90.5)
    }

    @Test func classifiesRetryability() {
        #expect(http(429, []).isRetryable)
        #expect(http(500, []).isRetryable)
        #expect(http(529, []).isRetryable)
        #expect(!http(400, []).isRetryable)
        #expect(!http(404, []).isRetryable)
        #expect(ProviderError.transport(provider: "openai", underlying: CancellationError()).isRetryable)
        #expect(!ProviderError.invalidResponse(provider: "openai", reason: "x").isRetryable)
        #expect(!ProviderError.missingAPIKey(provider: "openai", environmentVariable: "OPENAI_API_KEY").isRetryable)
        #expect(ProviderError.apiError(provider: "anthropic", type: "overloaded_error", message: "Overloaded",
                                       status: 529).isRetryable)
    }

    @Test func authenticationFailureNamesTheKeyVariable() {
        let error = ProviderError.http(provider: "openai", status: 401, body: Array("{\"error\":{}}".utf8),
                                       apiKeyVariable: "OPENAI_API_KEY")
        #expect(error.kind == .authentication)
        #expect(!error.isRetryable)
        #expect(error.message == "the API key for openai was rejected (HTTP 401) — check OPENAI_API_KEY")
        #expect(ProviderError.http(provider: "anthropic", status: 403, body: []).kind == .authentication)
    }

    @Test func missingKeyMessageSaysWhatToSet() {
        let error = ProviderError.missingAPIKey(provider: "openai", environmentVariable: "OPENAI_API_KEY")
        #expect(error.kind == .missingAPIKey)
        #expect(error.message
            == "OPENAI_API_KEY is not set: export OPENAI_API_KEY=… or set providers.openai.api_key in aviary.yaml")
        #expect(error.description.hasPrefix("openai: OPENAI_API_KEY is not set"))
    }

    @Test func httpErrorCarriesProviderMessageAndTruncatedBody() {
        let body = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"
        let error = ProviderError.http(provider: "openai", status: 429, body: Array(body.utf8))
        #expect(error.kind == .http)
        #expect(error.status == 429)
        #expect(error.body == body)
        #expect(error.message == "HTTP 429: Rate limit reached")
        let long = ProviderError.http(provider: "x", status: 500, body: Array(String(repeating: "a", count: 10_000).utf8))
        #expect(long.body?.count == ProviderError.maxBodyLength + 1)
        #expect(long.body?.hasSuffix("…") == true)
    }
}
