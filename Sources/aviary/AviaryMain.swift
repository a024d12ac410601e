import NIOCore
import NIOPosix

/// The process entry point: installs NIO's event loops as the concurrency executor, then runs ``Aviary``.
@main
enum AviaryMain {
    /// Swift concurrency runs on NIO's event loops, where the HTTP client, the server and SQLite's
    /// completions already live: a task resumed by an I/O completion continues on the thread that
    /// completed it instead of hopping to the cooperative pool (a futex wake-up and a context switch
    /// per await on I/O). Installed before any other task exists, so every command gets it. Jobs run
    /// as generic-executor jobs (``LoopGlobalExecutor``); NIO's own take-over is the fallback.
    static func main() async {
        if await !LoopGlobalExecutor.install() {
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await Aviary.main()
    }
}
