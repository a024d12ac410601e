import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Starts a command through swift-subprocess in a task of its own and returns once it runs:
/// standard input from `/dev/null`, standard output and error to the given descriptors (which
/// are closed once the child has them), signals unblocked and at their defaults, and every other
/// descriptor closed in the child. The task ends when the child exits, with its status (or 128 +
/// the signal that ended it).
///
/// Foundation's `Process.run` is not used: on Linux it reads `/proc/self/fd` in a way that can
/// crash the process (swiftlang/swift-corelibs-foundation#5472).
enum SubprocessLaunch {
    /// A started child: its process ID and the task that ends with its exit status.
    struct Started: Sendable {
        let pid: Int32
        let exit: Task<Int32, any Error>
    }

    /// Starts `executable`; throws (a `SubprocessError`) when it cannot start.
    static func start(_ executable: URL, arguments: [String], environment: [String: String],
                      output: FileDescriptor, error: FileDescriptor) async throws -> Started {
        let variables = Dictionary(environment.compactMap { key, value in Environment.Key(rawValue: key).map { ($0, value) } },
                                   uniquingKeysWith: { _, last in last })
        let (started, signal) = AsyncThrowingStream<Int32, any Error>.makeStream()
        let exit = Task { () async throws -> Int32 in
            do {
                let result = try await Subprocess.run(
                    .path(FilePath(executable.path)), arguments: Arguments(arguments), environment: .custom(variables),
                    input: .none, output: .fileDescriptor(output, closeAfterSpawningProcess: true),
                    error: .fileDescriptor(error, closeAfterSpawningProcess: true)
                ) { execution in
                    signal.yield(execution.processIdentifier.value)
                }
                signal.finish()
                switch result.terminationStatus {
                case .exited(let code): return code
                case .signaled(let number): return 128 + number
                }
            } catch {
                signal.finish(throwing: error)
                throw error
            }
        }
        for try await pid in started { return Started(pid: pid, exit: exit) }
        throw CancellationError()
    }
}
