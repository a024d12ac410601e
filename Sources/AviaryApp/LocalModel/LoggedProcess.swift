import Dispatch
import Foundation

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
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.runWithSignalsUnblocked()
        } catch {
            throw LaunchError(underlying: error)
        }
        try? pipe.fileHandleForWriting.close()
        let pid = process.processIdentifier
        let status: Int32 = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    forwardLines(from: pipe.fileHandleForReading, to: onLine)
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                }
            }
        } onCancel: {
            kill(pid, SIGTERM)
        }
        try Task.checkCancellation()
        return status
    }

    /// Reads until end of file, calling `onLine` for each complete line (and the unterminated rest).
    private static func forwardLines(from handle: FileHandle, to onLine: @Sendable (String) -> Void) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let fd = handle.fileDescriptor
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
