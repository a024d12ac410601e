#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix

/// The global executor that runs Swift concurrency in the `aviary` process, chosen with
/// `AVIARY_EXECUTOR` (default `loop`).
///
/// Swift concurrency runs on NIO's event loops, where the HTTP client, the server and SQLite's
/// completions already live: a task resumed by an I/O completion continues on the thread that
/// completed it instead of hopping to the cooperative pool (a futex wake-up and a context switch
/// per await on I/O).
enum ConcurrencyExecutor: String, CaseIterable, Sendable {
    /// NIO's event loops with jobs run as generic-executor jobs (``LoopGlobalExecutor``). It sets
    /// the runtime's private enqueue hook, so it is compiled only for the compilers NIO supports
    /// the same hook for; elsewhere `loop` falls back to `nio`.
    case loop
    /// NIO's supported take-over (`unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor`).
    case nio
    /// Swift's own cooperative thread pool (no take-over).
    case swift

    /// The environment variable that chooses the executor.
    static let variable = "AVIARY_EXECUTOR"

    /// The executor `environment` asks for; throws a one-line message for an unknown name.
    static func requested(in environment: [String: String]) throws(ExecutorChoiceError) -> ConcurrencyExecutor {
        guard let raw = environment[variable], !raw.isEmpty else { return .loop }
        guard let choice = ConcurrencyExecutor(rawValue: raw.lowercased()) else {
            throw ExecutorChoiceError(message: "\(variable) must be one of \(allCases.map(\.rawValue).joined(separator: ", ")), not '\(raw)'")
        }
        return choice
    }

    /// Installs `requested` before any other task exists: `loop` falls back to `nio` when the
    /// runtime offers no hook, `nio` to `swift`. ``current`` says which one took effect.
    static func install(_ requested: ConcurrencyExecutor) async {
        switch requested {
        case .loop:
            #if compiler(<6.6) && !os(Windows) && !os(WASI)
            if await LoopGlobalExecutor.install() { return }
            #endif
            await install(.nio)
        case .nio:
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        case .swift:
            return
        }
    }
}

extension ConcurrencyExecutor {
    /// The executor in effect in this process, read from the runtime's enqueue hook.
    static var current: ConcurrencyExecutor {
        #if compiler(<6.6) && !os(Windows) && !os(WASI)
        if LoopGlobalExecutor.isInstalled { return .loop }
        #endif
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "swift_task_enqueueGlobal_hook") else { return .swift }
        return symbol.assumingMemoryBound(to: UnsafeRawPointer?.self).pointee == nil ? .swift : .nio
    }
}

/// `AVIARY_EXECUTOR` names no executor.
struct ExecutorChoiceError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
