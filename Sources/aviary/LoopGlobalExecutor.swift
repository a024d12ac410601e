#if compiler(<6.6) && !os(Windows) && !os(WASI)
#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import Synchronization

/// Swift concurrency's global executor on NIO's event loops, running jobs as *generic* jobs.
///
/// NIO's own take-over (`unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor`)
/// runs every job "on" its loop's serial executor. To the runtime the task is then isolated to
/// that executor, so every entry into a nonisolated async function — most calls in the runtime,
/// AsyncHTTPClient and SQLKit — is a task switch that enqueues the task on the loop again. Here each loop has a ``LoopJobQueue`` and its jobs run with the
/// generic executor's identity, so those entries continue inline. A task still runs where NIO
/// would run it: on the loop that resumed it (or, enqueued from another thread, on the loops in
/// turn).
///
/// The hook (`swift_task_enqueueGlobal_hook`) is a private runtime entry point: this file is
/// compiled under the same compiler guard as NIO's take-over of the same hook, and
/// `AVIARY_EXECUTOR=nio` turns it off (``ConcurrencyExecutor``). The hook is process-wide state
/// by nature (the runtime has one global executor); the `aviary` executable installs it once,
/// before any other task exists. Each loop thread finds its queue
/// through a thread-specific value, without touching the loop's existential.
enum LoopGlobalExecutor {
    private typealias EnqueueHook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

    /// The queues of the singleton group's loops (alive for the whole process).
    private static let queues: [LoopJobQueue] = MultiThreadedEventLoopGroup.singleton.makeIterator().map { LoopJobQueue(loop: $0) }
    /// The thread-specific slot holding a loop thread's own queue.
    private static let ownQueue: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key for the loop job queues")
        return key
    }()
    /// Round-robin position for jobs enqueued off the loops.
    private static let turn = Atomic<UInt>(0)
    /// Set once the hook is installed.
    private static let installed = Atomic<Bool>(false)

    /// Whether this executor runs the process's tasks.
    static var isInstalled: Bool { installed.load(ordering: .acquiring) }

    /// Installs the hook for `MultiThreadedEventLoopGroup.singleton`; false when the runtime offers
    /// no hook or another executor has taken it (then the caller falls back to NIO's take-over).
    static func install() async -> Bool {
        guard !queues.isEmpty,
              let symbol = dlsym(dlopen(nil, RTLD_NOW), "swift_task_enqueueGlobal_hook")
        else { return false }
        let hookSlot = symbol.assumingMemoryBound(to: UnsafeRawPointer?.self)
        guard hookSlot.pointee == nil else { return false }
        let key = ownQueue
        for queue in queues {
            guard (try? await queue.loop.submit({ pthread_setspecific(key, Unmanaged.passUnretained(queue).toOpaque()) }).get()) == 0
            else { return false }
        }
        return withUnsafeTemporaryAllocation(of: EnqueueHook.self, capacity: 1) { hook in
            hook.baseAddress!.initialize(to: { job, _ in LoopGlobalExecutor.enqueue(job) })
            hook.baseAddress!.withMemoryRebound(to: UnsafeRawPointer.self, capacity: 1) { hookSlot.pointee = $0.pointee }
            installed.store(true, ordering: .releasing)
            return true
        }
    }

    /// On a loop of the group: that loop's queue (a task continues where it was resumed);
    /// elsewhere the loops in turn.
    private static func enqueue(_ job: UnownedJob) {
        if let own = pthread_getspecific(ownQueue) {
            return Unmanaged<LoopJobQueue>.fromOpaque(own)._withUnsafeGuaranteedRef { $0.enqueue(job) }
        }
        queues[Int(turn.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(queues.count))].enqueue(job)
    }
}
#endif
