import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command to completion on the calling thread, with a time limit and a cap on what it
/// may write: its standard output and error are read with `poll`, so neither can fill its pipe
/// and stall the child, and a child past the limit or the cap is killed.
enum ChildProcessRunner {
    enum Outcome: Equatable {
        /// The command exited; `errorOutput` is its first 64 KB of standard error.
        case exited(status: Int32, output: [UInt8], errorOutput: [UInt8])
        /// It ran past the time limit (and was killed).
        case timedOut
        /// It wrote more than the cap to standard output (and was killed).
        case outputTooLarge
    }

    /// How much standard error is kept.
    static let maximumErrorOutput = 64 * 1024

    /// Runs `executable` with `arguments`, standard input from `/dev/null`.
    /// - Throws: the error `Process.run` throws when the command cannot start.
    static func run(_ executable: URL, arguments: [String], timeout: Duration, maximumOutputBytes: Int) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // The child holds its own copies of the write ends; ours must be closed to see end of file.
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()

        let deadline = ContinuousClock.now + timeout
        var streams = [pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errors.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)]
        var collected: [[UInt8]] = [[], []]
        var failure: Outcome?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        reading: while streams.contains(where: { $0.fd >= 0 }) {
            let remaining = deadline - .now
            guard remaining > .zero else {
                failure = .timedOut
                break
            }
            let ready = poll(&streams, nfds_t(streams.count), Int32(clamping: remaining.wholeMilliseconds + 1))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in streams.indices where streams[index].fd >= 0 && streams[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(streams[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let room = index == 0 ? count : max(0, min(count, maximumErrorOutput - collected[1].count))
                    collected[index] += buffer[0..<room]
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    streams[index].fd = -1
                }
            }
            if collected[0].count > maximumOutputBytes {
                failure = .outputTooLarge
                break reading
            }
        }
        if failure != nil { kill(process.processIdentifier, SIGKILL) }
        let remaining = max(deadline - .now, .zero)
        if exited.wait(timeout: .now() + remaining.dispatchInterval) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            _ = exited.wait(timeout: .now() + .seconds(10))
            failure = failure ?? .timedOut
        }
        if let failure { return failure }
        return .exited(status: process.terminationStatus, output: collected[0], errorOutput: collected[1])
    }
}
