import Dispatch
import Foundation
import Synchronization

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
    /// - Throws: ``SpawnedChild/SpawnError`` when the command cannot start.
    static func run(_ executable: URL, arguments: [String], timeout: Duration, maximumOutputBytes: Int) throws -> Outcome {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw SpawnedChild.SpawnError(code: errno) }
        guard pipe(&errors) == 0 else {
            let code = errno
            close(output[0]); close(output[1])
            throw SpawnedChild.SpawnError(code: code)
        }
        // not inherited by other children; this one gets the write ends as its stdout and stderr
        for fd in output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        defer { close(output[0]); close(errors[0]) }
        let child: SpawnedChild
        do {
            child = try SpawnedChild.spawn(executable.path, arguments: arguments, standardOutput: output[1], standardError: errors[1])
        } catch {
            close(output[1]); close(errors[1])
            throw error
        }
        // The child holds its own copies of the write ends; ours must be closed to see end of file.
        close(output[1])
        close(errors[1])

        let deadline = ContinuousClock.now + timeout
        var streams = [pollfd(fd: output[0], events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errors[0], events: Int16(POLLIN), revents: 0)]
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
        if failure != nil { child.signal(SIGKILL) }
        // a child that closed its output but keeps running is killed at the deadline
        let (status, killed) = child.waitForExit(killingAt: deadline)
        if killed { failure = failure ?? .timedOut }
        if let failure { return failure }
        return .exited(status: status, output: collected[0], errorOutput: collected[1])
    }
}
