import AsyncHTTPClient
import AviaryCore
import AviaryModels
import AviaryTesting
import Testing

/// The AsyncHTTPClient transport against a real local server.
@Suite struct AsyncHTTPTransportTests {
    @Test func sendsAndCollectsAResponse() async throws {
        try await withFakeOpenAIServer(models: ["m1", "m2"]) { server in
            try await AsyncHTTPTransport.withTransport { transport in
                let response = try await transport.send(HTTPRequestData(method: "GET", url: server.baseURL + "/models",
                                                                        headers: [("x-test", "1")]))
                #expect(response.status == 200)
                #expect(response.header("Content-Type") == "application/json")
                let json = try JSONValue(parsing: response.body)
                #expect(json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["m1", "m2"])
                #expect(server.requests.first?.headers["x-test"] == "1")
                #expect(server.requests.first?.method == "GET")
            }
        }
    }

    @Test func streamsAResponseBody() async throws {
        try await withFakeOpenAIServer(replies: [.text("abcdefgh")]) { server in
            try await AsyncHTTPTransport.withTransport { transport in
                let body = Array("{\"model\":\"m\",\"stream\":true,\"messages\":[]}".utf8)
                let response = try await transport.stream(HTTPRequestData(
                    url: server.baseURL + "/chat/completions", headers: [("content-type", "application/json")], body: body))
                #expect(response.status == 200)
                #expect(response.header("content-type") == "text/event-stream")
                let text = String(decoding: try await response.collectBody(), as: UTF8.self)
                #expect(text.hasSuffix("data: [DONE]\n\n"))
                #expect(text.contains("\"content\":\"abcd\""))
            }
        }
    }

    @Test func connectionFailureIsARetryableTransportError() async throws {
        let port = try await withFakeOpenAIServer { $0.port } // closed once the scope ends
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        try await AsyncHTTPTransport.withTransport(timeout: .seconds(10), configuration: configuration) { transport in
            let model = OpenAIChatModel(configuration: .init(model: "m", baseURL: "http://127.0.0.1:\(port)/v1",
                                                             apiKey: "k", retryPolicy: .none),
                                        transport: transport)
            let error = await #expect(throws: ProviderError.self) {
                _ = try await model.respond(to: ModelRequest(model: "m", messages: [.user("x")]))
            }
            #expect(error?.kind == .transport)
            #expect(error?.isRetryable == true)
        }
    }
}
