import Dispatch
import Foundation
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a command to completion, passing each line it prints (stdout and stderr) to a closure:
/// the installers of the embedded models use it to show their progress. Cancelling the task
/// stops the command (SIGTERM).
enum LoggedProcess {
    /// The command could not be started.
    struct LaunchError: Error {
        let underlying: any Error
    }

    /// Runs `executable` with `arguments` and returns its exit status.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                    onLine: @escaping @Sendable (String) -> Void) async throws -> Int32 {
        let started: SubprocessLaunch.Started
        let reading: FileDescriptor
        do {
            let pipe = try FileDescriptor.pipe()
            reading = pipe.readEnd
            do {
                let errorEnd = try pipe.writeEnd.duplicate()
                started = try await SubprocessLaunch.start(executable, arguments: arguments, environment: environment,
                                                           output: pipe.writeEnd, error: errorEnd)
            } catch {
                try? pipe.readEnd.close()
                throw error
            }
        } catch {
            throw LaunchError(underlying: error)
        }
        let pid = started.pid
        let status: Int32 = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    forwardLines(from: reading.rawValue, to: onLine)
                    try? reading.close()
                    continuation.resume()
                }
            }
            return (try? await started.exit.value) ?? -1
        } onCancel: {
            kill(pid, SIGTERM)
        }
        try Task.checkCancellation()
        return status
    }

    /// Reads until end of file, calling `onLine` for each complete line (and the unterminated rest).
    private static func forwardLines(from fd: Int32, to onLine: @Sendable (String) -> Void) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            // POSIX read, retried on EINTR (FileHandle.availableData traps on it).
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            pending.append(contentsOf: buffer[..<n])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                onLine(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
    }
}
