import Foundation

/// A bounded pool of threads that runs the calls of tools whose body blocks its thread
/// (``ToolPolicy/blocking``), so they never hold an event loop (which serves connections, timers
/// and other tenants' runs) or a thread of Swift's cooperative pool.
///
/// It is a `TaskExecutor`: a call runs with ``run(_:)`` under `withTaskExecutorPreference`, so the
/// tool's whole async body (and any child task it starts) executes here. Threads start on demand,
/// up to ``maxThreads``; more jobs wait their turn in order. A thread that finds no work for
/// ``idleTimeout`` ends, so an idle pool holds no threads and needs no shutdown.
///
/// The pool cannot stop a running body: a timed-out call's caller gets its error at once (see
/// `withTimeLimit`) and its task is cancelled; the body stops when it next checks
/// `Task.isCancelled` (the workspace tools check it in every loop) and frees its thread.
package final class BlockingToolPool: TaskExecutor, @unchecked Sendable {
    /// Most threads running jobs at once.
    package let maxThreads: Int
    /// How long an idle thread waits for a job before it ends.
    package let idleTimeout: TimeInterval

    private let condition = NSCondition()
    private var queue: [UnownedJob] = []
    private var head = 0
    private var threads = 0
    private var idle = 0

    /// Creates a pool of at most `maxThreads` threads (at least 1).
    package init(maxThreads: Int, idleTimeout: TimeInterval = 10) {
        self.maxThreads = max(1, maxThreads)
        self.idleTimeout = idleTimeout
    }

    /// The default size: one thread per core, at least 4 (a blocked file system call uses no CPU).
    package static var defaultThreads: Int { max(4, ProcessInfo.processInfo.activeProcessorCount) }

    /// Runs `operation` (its body and every child task it starts) on the pool's threads.
    package func run<T: Sendable>(_ operation: @Sendable () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(self) { try await operation() }
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        queue.append(unowned)
        // A new thread when the jobs waiting outnumber the idle threads that will take them.
        let startThread = queue.count - head > idle && threads < maxThreads
        if startThread { threads += 1 }
        condition.signal()
        condition.unlock()
        if startThread {
            let thread = Thread { [self] in work() }
            thread.name = "aviary-tool"
            thread.start()
        }
    }

    /// A thread's loop: run jobs in order; end after ``idleTimeout`` without one.
    private func work() {
        let executor = asUnownedTaskExecutor()
        condition.lock()
        while true {
            if head < queue.count {
                let job = queue[head]
                head += 1
                if head == queue.count { queue.removeAll(keepingCapacity: true); head = 0 }
                condition.unlock()
                job.runSynchronously(on: executor)
                condition.lock()
                continue
            }
            idle += 1
            let signalled = condition.wait(until: Date(timeIntervalSinceNow: idleTimeout))
            idle -= 1
            if !signalled && head >= queue.count {
                threads -= 1
                condition.unlock()
                return
            }
        }
    }
}
