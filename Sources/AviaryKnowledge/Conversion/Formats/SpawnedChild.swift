import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A child process started with `posix_spawn` for a caller that waits for it on its own thread:
/// standard input from `/dev/null`, standard output and error to the given descriptors, every
/// other descriptor closed in the child, and signals unblocked and at their defaults.
///
/// Foundation's `Process.run` is not used: on Linux it reads `/proc/self/fd` in a way that can
/// crash the process (swiftlang/swift-corelibs-foundation#5472), and it reaps its children on a
/// thread of its own. swift-subprocess, which the rest of Aviary uses, is asynchronous only.
final class SpawnedChild: Sendable {
    /// The command could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        /// The `posix_spawn` error number.
        let code: Int32
        var description: String { "cannot start the command: \(String(cString: strerror(code)))" }
    }

    /// The child's process ID.
    let pid: pid_t
    /// Whether the child has exited (then its ID may be reused, and is never signalled again).
    private let exited = Mutex(false)
    /// Whether ``waitForExit(killingAt:)`` killed it at its deadline.
    private let killedAtDeadline = Mutex(false)

    private init(pid: pid_t) { self.pid = pid }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, looked up at run time (Swift's
    /// Glibc module does not declare it).
    private static func addCloseFrom() -> AddCloseFrom? {
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }
    }

    /// Starts `path` with `arguments` (its name is the first argument) in this process's environment.
    static func spawn(_ path: String, arguments: [String], standardOutput: Int32, standardError: Int32) throws(SpawnError) -> SpawnedChild {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
        posix_spawn_file_actions_adddup2(&actions, standardError, 2)
        if let closeFrom = addCloseFrom() { _ = closeFrom(&actions, 3) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard code == 0 else { throw SpawnError(code: code) }
        return SpawnedChild(pid: pid)
    }

    /// Sends `signal` unless the child has exited; true when it was sent.
    @discardableResult
    func signal(_ signal: Int32) -> Bool {
        exited.withLock { exited in
            guard !exited else { return false }
            return kill(pid, signal) == 0
        }
    }

    /// Blocks until the child exits and reaps it, killing it (SIGKILL) if it runs past `deadline`:
    /// its exit status, or 128 + the signal that ended it, and whether it was killed at the deadline.
    func waitForExit(killingAt deadline: ContinuousClock.Instant) -> (status: Int32, killed: Bool) {
        let timer = DispatchWorkItem { [self] in
            if signal(SIGKILL) { killedAtDeadline.withLock { $0 = true } }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + max(deadline - .now, .zero).dispatchInterval, execute: timer)
        defer { timer.cancel() }
        var info = siginfo_t()
        // wait without reaping, so the ID cannot be reused while `signal` may still use it
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        exited.withLock { $0 = true }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (code, killedAtDeadline.withLock { $0 })
    }
}
