import AviaryRuntime
import AviaryWorkflows
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// A `Service` of `aviary serve` that picks up added, edited and removed agent and workflow files
/// without a restart: every `interval` of `clock` it compares the files' fingerprint and, when it
/// changed, reloads them (``ProjectReloader``) and gives the runtime the new definitions. A file
/// that fails keeps its last good version and the problem is logged. Runs that execute keep the
/// definitions they started with (a workflow run also records its version, so a resume after the
/// change runs the version it started with).
public final class ProjectReloadService<C: Clock>: Service, Sendable where C.Duration == Duration {
    private let reloader: ProjectReloader
    private let runtime: AgentRuntime
    private let interval: Duration
    private let clock: C
    private let logger: Logger
    private let state: Mutex<(definitions: ProjectReloader.Definitions, fingerprint: [String])>

    /// Creates the service; the project's files as they are now are the starting point.
    public init(reloader: ProjectReloader, runtime: AgentRuntime, interval: Duration, clock: C,
                logger: Logger = Logger(label: "aviary.reload")) {
        self.reloader = reloader
        self.runtime = runtime
        self.interval = interval
        self.clock = clock
        self.logger = logger
        state = Mutex((reloader.reload(.none).definitions, reloader.fingerprint()))
    }

    /// Checks once per interval until graceful shutdown or cancellation.
    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let clock = self.clock, interval = self.interval
            do { try await cancelWhenGracefulShutdown { try await clock.sleep(for: interval) } } catch { break }
            reloadIfChanged()
        }
    }

    /// Reloads when the files changed since the last check; returns what the reload did (`nil`:
    /// nothing changed on disk).
    @discardableResult
    public func reloadIfChanged() -> ProjectReloader.Outcome? {
        let fingerprint = reloader.fingerprint()
        guard state.withLock({ $0.fingerprint }) != fingerprint else { return nil }
        return reload(fingerprint: fingerprint)
    }

    /// Reloads the files now.
    @discardableResult
    public func reload() -> ProjectReloader.Outcome { reload(fingerprint: reloader.fingerprint()) }

    private func reload(fingerprint: [String]) -> ProjectReloader.Outcome {
        let previous = state.withLock { $0.definitions }
        let outcome = reloader.reload(previous)
        // programs registered in Swift stay; the workflows are replaced
        var programs: [any RunProgram] = runtime.registeredPrograms.filter { !($0 is WorkflowProgram) }
        for workflow in outcome.definitions.workflows.values {
            do { programs.append(try WorkflowProgram(workflow)) } catch { logger.error("workflow not loaded", metadata: ["error": "\(error)"]) }
        }
        runtime.replaceDefinitions(catalog: outcome.definitions.catalog, programs: programs)
        state.withLock { $0 = (outcome.definitions, fingerprint) }
        for change in outcome.changes { logger.info("project reloaded: \(change)") }
        for problem in outcome.problems { logger.error("project file not loaded; its last good version stays: \(problem)") }
        return outcome
    }
}
