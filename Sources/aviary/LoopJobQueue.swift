#if compiler(<6.6) && !os(Windows) && !os(WASI)
import NIOCore
import Synchronization

/// The jobs waiting to run on one event loop (``LoopGlobalExecutor``): enqueuing from any thread
/// appends under a lock, and one drain on the loop — scheduled only when the queue was empty, with
/// a closure made once — runs them all as generic-executor jobs.
final class LoopJobQueue: @unchecked Sendable {
    private struct Pending {
        var jobs: [UnownedJob] = []
        var scheduled = false
    }

    let loop: any EventLoop
    private let pending = Mutex(Pending())
    /// The drained batch's buffer, reused (touched only on the loop).
    private var spare: [UnownedJob] = []
    private let executor: UnownedTaskExecutor
    private var drainOnLoop: (@Sendable () -> Void)?

    init(loop: any EventLoop) {
        self.loop = loop
        executor = globalConcurrentExecutor.asUnownedTaskExecutor()
        drainOnLoop = { [unowned self] in self.drain() }
    }

    func enqueue(_ job: UnownedJob) {
        let schedule = pending.withLock { pending -> Bool in
            pending.jobs.append(job)
            defer { pending.scheduled = true }
            return !pending.scheduled
        }
        if schedule, let drainOnLoop { loop.execute(drainOnLoop) }
    }

    /// Runs the jobs queued so far; jobs they enqueue schedule the next drain.
    private func drain() {
        var batch = spare
        pending.withLock { pending in
            swap(&batch, &pending.jobs)
            pending.scheduled = false
        }
        for job in batch {
            // Serial executor: generic; task executor: the default one (what a task without a
            // preference compares against), so entering nonisolated code needs no switch.
            job.runSynchronously(on: executor)
        }
        batch.removeAll(keepingCapacity: true)
        spare = batch
    }
}
#endif
