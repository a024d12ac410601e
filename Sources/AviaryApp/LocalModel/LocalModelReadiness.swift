import Dispatch
import Foundation
import Synchronization

/// The shared, observable state of a ``LocalModelServer``: its current process, its base URL
/// while healthy, and the callers waiting for it.
final class LocalModelReadiness: Sendable {
    private struct State {
        var baseURL: URL?
        var processID: Int32?
        var restarts = 0
        var finished: LocalModelError?
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<URL, any Error>] = [:]
    }

    private let state = Mutex(State())

    var baseURL: URL? { state.withLock { $0.baseURL } }
    var processID: Int32? { state.withLock { $0.processID } }
    var restarts: Int { state.withLock { $0.restarts } }

    func launched(processID: Int32) {
        state.withLock { $0.processID = processID }
    }

    func ready(_ url: URL) {
        let waiters = state.withLock { state in
            state.baseURL = url
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume(returning: url) }
    }

    func exited() {
        state.withLock { state in
            state.baseURL = nil
            state.processID = nil
        }
    }

    func restarting() {
        state.withLock { $0.restarts += 1 }
    }

    func finished(_ error: LocalModelError) {
        let waiters = state.withLock { state in
            state.baseURL = nil
            state.processID = nil
            state.finished = error
            defer { state.waiters = [:] }
            return state.waiters
        }
        for waiter in waiters.values { waiter.resume(throwing: error) }
    }

    /// Returns the base URL once the server is healthy; throws ``LocalModelError/notReady`` after
    /// `timeout`, the service's final error once it has stopped, or `CancellationError`.
    func waitUntilReady(timeout: Duration) async throws -> URL {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<URL, any Error>) in
                let immediate: Result<URL, any Error>? = state.withLock { state in
                    if let url = state.baseURL { return .success(url) }
                    if let error = state.finished { return .failure(error) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let immediate {
                    continuation.resume(with: immediate)
                    return
                }
                let error = LocalModelError.notReady.with("the local model server was not ready within \(timeout)")
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout.dispatchInterval) { [self] in
                    resumeWaiter(id, throwing: error)
                }
            }
        } onCancel: {
            resumeWaiter(id, throwing: CancellationError())
        }
    }

    private func resumeWaiter(_ id: Int, throwing error: any Error) {
        let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
        waiter?.resume(throwing: error)
    }
}
