import AviaryApp
import AviaryHTTP
import ServiceLifecycle
import Synchronization
import Testing

/// `aviary serve` in-process for a test: ``AviaryApplication/serve(_:options:serve:)`` on an
/// ephemeral port of 127.0.0.1 while `body` runs with that port, then shut down gracefully (also
/// when `body` throws).
enum ServedApplication {
    static func with(_ configuration: AviaryConfiguration, options: AviaryApplication.Options,
                     _ body: (_ port: Int) async throws -> Void) async throws {
        var configuration = configuration
        configuration.server.port = 0
        let serveConfig = configuration
        let (ports, portsContinuation) = AsyncStream.makeStream(of: Int.self)
        let group = Mutex<ServiceGroup?>(nil)
        let serve = AviaryApplication.ServeOptions(onBound: { portsContinuation.yield($0) }, handleSignals: false,
                                                   onServiceGroup: { g in group.withLock { $0 = g } })
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await AviaryApplication.serve(serveConfig, options: options, serve: serve) }
            var it = ports.makeAsyncIterator()
            let port = try #require(await it.next())
            do {
                try await body(port)
            } catch {
                await group.withLock { $0 }?.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
            await group.withLock { $0 }?.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
