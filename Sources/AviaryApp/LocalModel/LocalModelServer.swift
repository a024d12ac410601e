import Foundation
import Logging
import ServiceLifecycle

/// Runs the embedded model's OpenAI-compatible server (llama-cpp-python) as a supervised child
/// process for as long as the service runs.
///
/// `run()` picks a free loopback port, launches the configured command, polls
/// ``Configuration/healthPath`` until it answers 200 and then publishes ``baseURL``
/// (`http://127.0.0.1:<port>/v1`). A child that dies is restarted on the same port after an
/// exponential backoff, at most ``Configuration/maxRestarts`` times in a row (a child that stayed
/// healthy for ``Configuration/stableAfter`` resets the count); then `run()` throws
/// ``LocalModelError/tooManyRestarts``. When the task is cancelled or graceful shutdown begins, the
/// child gets SIGTERM, then SIGKILL after ``Configuration/terminationGracePeriod``, and `run()`
/// returns once it is gone.
///
/// ```swift
/// let server = LocalModelServer(configuration: try .init(installation: installation))
/// // add `server` to the ServiceGroup, then:
/// let baseURL = try await server.waitUntilReady(timeout: .seconds(120))
/// ```
public struct LocalModelServer: Service {
    /// How the server is started and supervised.
    public let configuration: Configuration
    private let logger: Logger
    private let readiness = LocalModelReadiness()

    /// Creates the service; nothing starts before `run()`.
    public init(configuration: Configuration, logger: Logger = Logger(label: "aviary.local-model")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// The OpenAI-compatible base URL (`http://127.0.0.1:<port>/v1`) while the server is healthy.
    public var baseURL: URL? { readiness.baseURL }

    /// The current child's process id, while one runs.
    public var processID: Int32? { readiness.processID }

    /// How many times the child has been restarted since `run()` began.
    public var restartCount: Int { readiness.restarts }

    /// Waits until the server is healthy and returns its base URL.
    ///
    /// Throws ``LocalModelError/notReady`` after `timeout`, or the service's error once it stopped.
    public func waitUntilReady(timeout: Duration) async throws -> URL {
        try await readiness.waitUntilReady(timeout: timeout)
    }

    /// Supervises the server until cancellation or graceful shutdown.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await supervise() }
            readiness.finished(.stopped)
        } catch let error as LocalModelError {
            readiness.finished(error)
            throw error
        } catch {
            readiness.finished(.stopped)
            throw error
        }
    }

    private enum StartOutcome { case ready, exited, timedOut, cancelled }

    private func supervise() async throws {
        let port = try LoopbackHTTP.freePort()
        let url = URL(string: "http://127.0.0.1:\(port)/v1")!
        var failuresInARow = 0
        while !Task.isCancelled {
            let command = configuration.command(port)
            let child: ChildProcess
            do {
                child = try await ChildProcess.launch(executable: command.executable, arguments: command.arguments,
                                                      environment: command.environment, logFile: configuration.logFile)
            } catch {
                throw LocalModelError.launchFailed.with("could not start \(command.executable.path): \(error)")
            }
            readiness.launched(processID: child.pid)
            logger.info("\(configuration.displayName) starting", metadata: ["pid": "\(child.pid)", "port": "\(port)"])
            let started = ContinuousClock.now

            switch await waitForHealth(of: child, port: port) {
            case .ready:
                readiness.ready(url)
                logger.info("\(configuration.displayName) ready", metadata: ["url": "\(url)"])
                guard await child.waitForExit() else {
                    await stop(child)
                    return
                }
                readiness.exited()
                if ContinuousClock.now - started >= configuration.stableAfter { failuresInARow = 0 }
                logger.warning("\(configuration.displayName) exited", metadata: ["pid": "\(child.pid)"])
            case .exited:
                readiness.exited()
                logger.warning("\(configuration.displayName) exited while starting", metadata: ["pid": "\(child.pid)"])
            case .timedOut:
                logger.warning("\(configuration.displayName) did not become healthy in time", metadata: ["pid": "\(child.pid)"])
                await stop(child)
            case .cancelled:
                await stop(child)
                return
            }

            failuresInARow += 1
            guard failuresInARow <= configuration.maxRestarts else {
                throw LocalModelError.tooManyRestarts.with(
                    "the \(configuration.displayName) stopped \(failuresInARow) times in a row; see \(configuration.logFile.path)")
            }
            let backoff = min(configuration.restartBackoff * (1 << min(failuresInARow - 1, 20)), configuration.maxRestartBackoff)
            logger.info("restarting local model server", metadata: ["in": "\(backoff)", "attempt": "\(failuresInARow)"])
            do { try await Task.sleep(for: backoff) } catch { return }
            readiness.restarting()
        }
    }

    private func waitForHealth(of child: ChildProcess, port: Int) async -> StartOutcome {
        let deadline = ContinuousClock.now + configuration.startupTimeout
        while ContinuousClock.now < deadline {
            if Task.isCancelled { return .cancelled }
            if child.hasExited { return .exited }
            if await LoopbackHTTP.status(port: port, path: configuration.healthPath, timeout: .seconds(2)) == 200 {
                return .ready
            }
            if child.hasExited { return .exited }
            do { try await Task.sleep(for: configuration.healthCheckInterval) } catch { return .cancelled }
        }
        return .timedOut
    }

    private func stop(_ child: ChildProcess) async {
        await child.terminate(grace: configuration.terminationGracePeriod)
        readiness.exited()
        logger.info("\(configuration.displayName) stopped", metadata: ["pid": "\(child.pid)"])
    }
}
