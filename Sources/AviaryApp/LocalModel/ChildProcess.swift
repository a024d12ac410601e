import Dispatch
import Foundation
import Synchronization
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// A launched child process whose exit can be awaited with a timeout and without polling.
final class ChildProcess: Sendable {
    private struct ExitState {
        var status: Int32?
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    }

    private let exit = Mutex(ExitState())
    /// The child's process id.
    let pid: Int32

    private init(pid: Int32) { self.pid = pid }

    /// Starts `executable` with `arguments` (this process's environment with `environment` over
    /// it), appending its stdout and stderr to `logFile`.
    static func launch(executable: URL, arguments: [String], environment: [String: String], logFile: URL) async throws -> ChildProcess {
        try FileManager.default.createDirectory(at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let log = try FileDescriptor.open(FilePath(logFile.path), .writeOnly, options: [.create, .append, .closeOnExec],
                                          permissions: [.ownerReadWrite, .groupRead, .otherRead])
        let errorLog: FileDescriptor
        do { errorLog = try log.duplicate() } catch { try? log.close(); throw error }
        let started = try await SubprocessLaunch.start(executable, arguments: arguments,
                                                       environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
                                                       output: log, error: errorLog)
        let child = ChildProcess(pid: started.pid)
        Task { [child] in child.exited(status: (try? await started.exit.value) ?? -1) }
        return child
    }

    /// Whether the child has exited (and been reaped).
    var hasExited: Bool { exit.withLock { $0.status != nil } }

    /// Waits until the child exits; `false` when `timeout` passes first or, if `cancellable`, the
    /// calling task is cancelled.
    func waitForExit(timeout: Duration? = nil, cancellable: Bool = true) async -> Bool {
        let id = exit.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let immediate: Bool? = exit.withLock { state in
                    if state.status != nil { return true }
                    if cancellable && Task.isCancelled { return false }
                    state.waiters[id] = continuation
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                } else if let timeout {
                    DispatchQueue.global().asyncAfter(deadline: .now() + timeout.dispatchInterval) { [self] in
                        resumeWaiter(id, with: false)
                    }
                }
            }
        } onCancel: {
            if cancellable { resumeWaiter(id, with: false) }
        }
    }

    /// Stops the child: SIGTERM, then SIGKILL if it is still running after `grace`.
    /// Returns once the child has exited (or 10 s after SIGKILL).
    func terminate(grace: Duration) async {
        guard !hasExited else { return }
        kill(pid, SIGTERM)
        if await waitForExit(timeout: grace, cancellable: false) { return }
        kill(pid, SIGKILL)
        _ = await waitForExit(timeout: .seconds(10), cancellable: false)
    }

    private func exited(status: Int32) {
        let waiters = exit.withLock { state in
            state.status = status
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume(returning: true) }
    }

    private func resumeWaiter(_ id: Int, with value: Bool) {
        let waiter = exit.withLock { $0.waiters.removeValue(forKey: id) }
        waiter?.resume(returning: value)
    }
}

extension Duration {
    /// This duration for Dispatch deadlines.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
