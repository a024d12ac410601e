import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Process {
    /// Starts the process with no blocked signals, as a shell would.
    ///
    /// A child inherits the signal mask of the thread that spawns it, and the threads Swift
    /// concurrency and Dispatch run on block most signals: a server started from async code would
    /// ignore SIGTERM and could only be stopped by SIGKILL. The spawning thread's mask is cleared
    /// for the duration of the spawn only.
    func runWithSignalsUnblocked() throws {
        var none = sigset_t()
        sigemptyset(&none)
        var previous = sigset_t()
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try run()
    }
}
