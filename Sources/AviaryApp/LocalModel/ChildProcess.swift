import Dispatch
import Foundation
import Synchronization

/// A launched child process whose exit can be awaited with a timeout and without polling.
final class ChildProcess: Sendable {
    private struct ExitState {
        var status: Int32?
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    }

    private let process: Process
    private let exit = Mutex(ExitState())

    /// Starts `executable` with `arguments`, appending its stdout and stderr to `logFile`.
    init(executable: URL, arguments: [String], environment: [String: String], logFile: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let manager = FileManager.default
        try manager.createDirectory(at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !manager.fileExists(atPath: logFile.path) { _ = manager.createFile(atPath: logFile.path, contents: nil) }
        let log = try FileHandle(forWritingTo: logFile)
        defer { try? log.close() }
        try log.seekToEnd()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        self.process = process
        process.terminationHandler = { [weak self] finished in
            self?.exited(status: finished.terminationStatus)
        }
        try process.runWithSignalsUnblocked()
    }

    /// The child's process id.
    var pid: Int32 { process.processIdentifier }

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
