#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where formatted log lines go. One method: implement it to capture logs (tests) or ship them elsewhere.
public protocol LogOutput: Sendable {
    /// Writes one complete line (without its trailing newline).
    func write(line: String)
}

/// Writes log lines to a file descriptor (standard output by default) with one `write(2)` per line,
/// so concurrent lines do not interleave within a line for pipes and append-mode files.
public struct FileDescriptorLogOutput: LogOutput {
    /// Standard output.
    public static let standardOutput = FileDescriptorLogOutput(fileDescriptor: 1)
    /// Standard error.
    public static let standardError = FileDescriptorLogOutput(fileDescriptor: 2)

    /// The descriptor written to (not owned: never closed here).
    public let fileDescriptor: Int32

    /// Writes to `fileDescriptor`, for example `FileHandle.fileDescriptor` of a log file.
    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// Appends a newline and writes the line, retrying on `EINTR`; gives up silently on other errors.
    public func write(line: String) {
        var line = line
        line.append("\n")
        line.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return // a log line is not worth crashing or blocking for
                }
            }
        }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(fd, pointer, count)
    #elseif canImport(Musl)
    Musl.write(fd, pointer, count)
    #else
    Glibc.write(fd, pointer, count)
    #endif
}
