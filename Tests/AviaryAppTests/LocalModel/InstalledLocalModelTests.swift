import AviaryCore
import AviaryRuntime
import Foundation
import Testing

@testable import AviaryApp

/// Starts the real llama.cpp server of an installed local model. Opt-in: set
/// `AVIARY_LOCAL_MODEL_HOME` to an Aviary home where `scripts/setup-local-model.sh` has run.
@Suite(.enabled(if: InstalledModel.installation?.isInstalled == true, "set AVIARY_LOCAL_MODEL_HOME"),
       .timeLimit(.minutes(10)))
struct InstalledLocalModelTests {

    @Test func realServerStartsAnswersAndStops() async throws {
        let installation = try #require(InstalledModel.installation)
        let server = LocalModelServer(configuration: try .init(installation: installation))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let url = try await server.waitUntilReady(timeout: .seconds(120))
            #expect(await LoopbackHTTP.status(port: try #require(url.port), path: "/v1/models", timeout: .seconds(5)) == 200)
            let pid = try #require(server.processID)
            group.cancelAll()
            try await group.waitForAll()
            #expect(!processExists(pid))
        }
    }

    /// The whole default path: no provider key, the support swarm on the embedded model with
    /// JSON-action tool calling. A 135M model's answers are not judged; the plumbing is.
    @Test func supportSwarmAnswersOnTheEmbeddedModel() async throws {
        let installation = try #require(InstalledModel.installation)
        try await ExampleProject.with("support-swarm") { loaded in
            var config = loaded
            config.localModelDirectory = installation.root
            let options = AviaryApplication.Options(installLocalModel: false, environment: [:])
            let (run, events) = try await AviaryApplication.with(config, options: options) { app in
                let chat = try await app.runtime.chat(ChatRequest(userID: "client789", question: "Are there any active incidents?", agent: "router"))
                return (chat.run, try await app.store.loadEvents(chat.run.id, tenant: "default"))
            }
            #expect(run.status.isTerminal)
            let responses = events.filter { $0.kind == .modelResponse }
            #expect(!responses.isEmpty, "the real model answered")
            #expect(responses.allSatisfy { $0.data["model"]?.stringValue == "smollm2-135m" })
            #expect(!events.contains { $0.kind == .modelFailed }, "every reply was a valid JSON action")
        }
    }
}

/// The installation named by `AVIARY_LOCAL_MODEL_HOME`, if any.
enum InstalledModel {
    static let installation = ProcessInfo.processInfo.environment["AVIARY_LOCAL_MODEL_HOME"]
        .map { LocalModelInstallation(aviaryHome: URL(fileURLWithPath: $0)) }
}
