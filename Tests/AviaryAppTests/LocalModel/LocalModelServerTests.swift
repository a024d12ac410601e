import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import AviaryApp

@Suite(.enabled(if: StandInServer.python != nil, "needs python3"), .timeLimit(.minutes(2)))
struct LocalModelServerTests {
    @Test func becomesReadyRestartsAfterKillAndStopsOnCancel() async throws {
        let standIn = try StandInServer()
        defer { standIn.remove() }
        let server = LocalModelServer(configuration: standIn.configuration())

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }

            let url = try await server.waitUntilReady(timeout: .seconds(30))
            #expect(url.absoluteString.hasPrefix("http://127.0.0.1:"))
            #expect(url.path == "/v1")
            let port = try #require(url.port)
            #expect(await LoopbackHTTP.status(port: port, path: "/v1/models", timeout: .seconds(2)) == 200)
            let first = try #require(server.processID)

            kill(first, SIGKILL)
            #expect(try await eventually { server.processID != nil && server.processID != first })
            let second = try #require(server.processID)
            let again = try await server.waitUntilReady(timeout: .seconds(30))
            #expect(again == url, "a restart keeps the port")
            #expect(server.restartCount == 1)

            group.cancelAll()
            try await group.waitForAll()
            #expect(!processExists(second))
            #expect(server.baseURL == nil)
        }
        let log = try String(contentsOf: standIn.logFile, encoding: .utf8)
        #expect(log.components(separatedBy: "stand-in listening on").count == 3, "both children logged")
        #expect(log.contains("stand-in got SIGTERM"), "the child is stopped gracefully, not killed")
        await #expect(throws: LocalModelError.stopped) { try await server.waitUntilReady(timeout: .seconds(1)) }
    }

    @Test func killsAChildThatIgnoresSIGTERM() async throws {
        let standIn = try StandInServer()
        defer { standIn.remove() }
        var configuration = standIn.configuration(ignoreSIGTERM: true)
        configuration.terminationGracePeriod = .milliseconds(200)
        let server = LocalModelServer(configuration: configuration)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            _ = try await server.waitUntilReady(timeout: .seconds(30))
            let pid = try #require(server.processID)
            group.cancelAll()
            try await group.waitForAll()
            #expect(!processExists(pid))
        }
    }

    @Test func gracefulShutdownStopsTheChild() async throws {
        let standIn = try StandInServer()
        defer { standIn.remove() }
        let server = LocalModelServer(configuration: standIn.configuration())
        let serviceGroup = ServiceGroup(configuration: .init(services: [server], logger: Logger(label: "test")))

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await serviceGroup.run() }
            _ = try await server.waitUntilReady(timeout: .seconds(30))
            let pid = try #require(server.processID)
            await serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
            #expect(!processExists(pid))
            #expect(try String(contentsOf: standIn.logFile, encoding: .utf8).contains("stand-in got SIGTERM"))
        }
    }

    @Test func givesUpAfterBoundedRestarts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = LocalModelServer.Configuration(logFile: folder.appendingPathComponent("server.log")) { _ in
            LocalModelServer.Command(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "echo crashing; exit 3"])
        }
        configuration.maxRestarts = 2
        configuration.restartBackoff = .milliseconds(5)
        let server = LocalModelServer(configuration: configuration)

        await #expect(throws: LocalModelError.tooManyRestarts) { try await server.run() }
        #expect(server.restartCount == 2)
        await #expect(throws: LocalModelError.tooManyRestarts) { try await server.waitUntilReady(timeout: .seconds(1)) }
        let log = try String(contentsOf: folder.appendingPathComponent("server.log"), encoding: .utf8)
        #expect(log == "crashing\ncrashing\ncrashing\n")
    }

    @Test func missingExecutableFailsToLaunch() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-missing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = LocalModelServer.Configuration(logFile: folder.appendingPathComponent("server.log")) { _ in
            LocalModelServer.Command(executable: URL(fileURLWithPath: "/nonexistent/python"), arguments: [])
        }
        await #expect(throws: LocalModelError.launchFailed) { try await LocalModelServer(configuration: configuration).run() }
    }

    @Test func waitingWithoutAServerTimesOut() async throws {
        let configuration = LocalModelServer.Configuration(logFile: URL(fileURLWithPath: "/dev/null")) { _ in
            LocalModelServer.Command(executable: URL(fileURLWithPath: "/bin/true"), arguments: [])
        }
        let server = LocalModelServer(configuration: configuration)
        await #expect(throws: LocalModelError.notReady) { try await server.waitUntilReady(timeout: .milliseconds(20)) }
    }

    @Test func freePortIsOnLoopbackAndClosed() async throws {
        let port = try LoopbackHTTP.freePort()
        #expect(port > 0 && port < 65536)
        #expect(await LoopbackHTTP.status(port: port, path: "/", timeout: .seconds(1)) == nil)
    }
}
