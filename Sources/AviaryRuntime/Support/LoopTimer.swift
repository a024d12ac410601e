import NIOCore
import NIOPosix

/// A callback that runs once after a delay unless cancelled first.
///
/// On a NIO event loop (where runs execute when NIO is Swift's global executor, as in the `aviary`
/// binary) it is the loop's own timer: setting and cancelling it touch only the loop's timer queue.
/// `Task.sleep` there goes through Dispatch instead — a `dispatch_after` that wakes Dispatch's
/// manager thread on every call and fires on a Dispatch worker long after the work it guarded has
/// ended: two extra threads woken for every tool call's deadline. Elsewhere (Swift's
/// cooperative pool) it is a task that sleeps.
package struct LoopTimer: Sendable {
    private enum Backing: Sendable {
        case loop(NIOScheduledCallback)
        case task(Task<Void, Never>)
    }

    private let backing: Backing

    /// Starts the timer: `body` runs after `delay` unless ``cancel()`` comes first.
    package init(after delay: Duration, _ body: @escaping @Sendable () -> Void) {
        if let loop = MultiThreadedEventLoopGroup.currentEventLoop,
           let scheduled = try? loop.scheduleCallback(in: TimeAmount(delay), handler: Handler(body: body)) {
            backing = .loop(scheduled)
        } else {
            backing = .task(Task {
                try? await Task.sleep(for: delay)
                if !Task.isCancelled { body() }
            })
        }
    }

    /// Stops the timer; `body` does not run unless it has already started. Safe from any thread,
    /// and more than once.
    package func cancel() {
        switch backing {
        case .loop(let scheduled): scheduled.cancel()
        case .task(let task): task.cancel()
        }
    }

    private struct Handler: NIOScheduledCallbackHandler, Sendable {
        let body: @Sendable () -> Void
        func handleScheduledCallback(eventLoop: some EventLoop) { body() }
    }
}
