import Foundation
import Testing

@testable import AviaryApp

/// Starts the real llama.cpp server of an installed local model. Opt-in: set
/// `AVIARY_LOCAL_MODEL_HOME` to an Aviary home where `scripts/setup-local-model.sh` has run.
@Suite(.enabled(if: InstalledModel.installation?.isInstalled == true, "set AVIARY_LOCAL_MODEL_HOME"),
       .timeLimit(.minutes(3)))
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
}

/// The installation named by `AVIARY_LOCAL_MODEL_HOME`, if any.
enum InstalledModel {
    static let installation = ProcessInfo.processInfo.environment["AVIARY_LOCAL_MODEL_HOME"]
        .map { LocalModelInstallation(aviaryHome: URL(fileURLWithPath: $0)) }
}
