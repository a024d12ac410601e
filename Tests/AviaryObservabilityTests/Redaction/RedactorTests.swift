import AviaryObservability
import Testing

@Suite struct RedactorTests {
    let redactor = Redactor()

    @Test(arguments: ["authorization", "Proxy-Authorization", "api_key", "X-API-Key", "apikey", "token", "access_token",
                      "refresh_token_hash", "password", "DB_PASSWORD", "secret", "client_secret", "cookie", "Set-Cookie", "credentials"])
    func secretKeys(key: String) {
        #expect(redactor.isSecretKey(key))
    }

    @Test(arguments: ["input_tokens", "output_tokens", "max_tokens", "tokens", "request_id", "tenant", "run_id", "model", "status"])
    func ordinaryKeys(key: String) {
        #expect(!redactor.isSecretKey(key))
    }

    @Test func masksCredentialsInText() {
        #expect(redactor.mask("Authorization: Bearer abc.def-ghi_jkl=") == "Authorization: Bearer [REDACTED]")
        #expect(redactor.mask("bearer   xyz9, next") == "bearer   [REDACTED], next")
        #expect(redactor.mask("BEARER abcdefghijklmnop") == "BEARER [REDACTED]")
        #expect(redactor.mask("key=sk-ant-api03-abcdefghijklmnop&x=1") == "key=[REDACTED]&x=1")
        #expect(redactor.mask("\"sk-proj-ABCDEFGHIJKLMNOPQRST\"") == "\"[REDACTED]\"")
        #expect(redactor.mask("use avk_abc123_def456ghi please") == "use [REDACTED] please")
        #expect(redactor.mask("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig-nature_x end") == "jwt [REDACTED] end")
        #expect(redactor.mask("a Bearer x1 and sk-aaaaaaaaaaaaaaaaaaaa") == "a Bearer [REDACTED] and [REDACTED]")
    }

    @Test func leavesOrdinaryTextAlone() {
        for text in ["task-0123456789abcdefghij", "risk-management", "sk-short", "api.openai.com", "v1.2.3",
                     "Bearer", "the bearer of news", "Bearer token", "eyJ.short.x", "avk_", "résumé Bearer", ""] {
            #expect(redactor.mask(text) == text, "\(text)")
        }
    }

    @Test func customFragmentsAndBodyKeys() {
        let custom = Redactor(secretKeyFragments: ["ssn"], bodyKeys: ["Transcript"])
        #expect(custom.isSecretKey("customer_SSN"))
        #expect(!custom.isSecretKey("password"))
        #expect(custom.isBodyKey("transcript"))
        #expect(custom.isBodyKey("TRANSCRIPT"))
    }
}
