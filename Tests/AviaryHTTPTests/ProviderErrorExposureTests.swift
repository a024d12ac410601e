import AviaryCore
import AviaryHTTP
import AviaryModels
import AviaryStorage
import AviaryTesting
import NIOHTTP1
import Testing

/// A model provider's error details (its response body, host names) are logged for operators and
/// never echoed to callers: not in the API response, the run, or its events.
@Suite struct ProviderErrorExposureTests {
    static let secret = "sk-live-TOPSECRET-4242"

    @Test func upstreamErrorBodiesReachTheLogButNotTheCaller() async throws {
        let logs = CapturedLogs()
        let body = FakeOpenAIServer.errorBody("Invalid request; your key \(Self.secret) was used at gw.internal.example",
                                              type: "invalid_request_error")
        try await withFakeOpenAIServer(replies: [.error(status: 400, body: body)]) { provider in
            try await AsyncHTTPTransport.withTransport { transport in
                let model = OpenAIChatModel(configuration: .init(model: "gpt-test", baseURL: provider.baseURL, apiKey: "sk-test"),
                                            transport: transport)
                try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: model,
                                             logger: logs.logger()) { fx in
                    let key = try await fx.key()
                    let chat = try await fx.call(.POST, "/chat", key: key, json: ["question": "hi"])
                    #expect(chat.status == 502)
                    #expect(chat.errorCode == "run_failed")
                    let message = try #require(chat.json?["error"]?["message"]?.stringValue)
                    #expect(message.contains("the model provider 'openai' returned HTTP 400 (error id perr_"))

                    let runs = try await fx.store.listRuns(RunQuery(tenant: "acme", limit: 5))
                    let run = try #require(runs.first)
                    // An admin's view of the run: the full events, model errors included.
                    let admin = try await fx.key(role: .admin, principal: "root")
                    let stored = try await fx.call(.GET, "/api/v1/runs/\(run.id)", key: admin)
                    let events = try await fx.stream(.GET, "/api/v1/runs/\(run.id)/events?follow=false", key: admin)
                    var frames: [String] = []
                    while let frame = try await events.lines.nextFrame() { frames.append(frame.data ?? "") }
                    #expect(frames.contains { $0.contains("model.failed") && $0.contains("returned HTTP 400") })

                    for (what, text) in [("response", chat.text), ("run", stored.text), ("events", frames.joined(separator: "\n"))] {
                        #expect(!text.contains(Self.secret), "\(what) leaks the provider's body")
                        #expect(!text.contains("gw.internal.example"), "\(what) leaks the provider's body")
                    }

                    // The details are in the log, under the error id the caller was given.
                    let errorID = try #require(message.split(separator: " ").last.map { String($0.dropLast()) })
                    #expect(errorID.hasPrefix("perr_"))
                    #expect(logs.all.contains { $0.contains(Self.secret) && $0.contains(errorID) && $0.hasPrefix("error") })
                }
            }
        }
    }
}
