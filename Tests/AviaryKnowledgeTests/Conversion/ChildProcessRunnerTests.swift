@testable import AviaryKnowledge
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The synchronous runner behind `pdftotext`: a child gets standard input, output and error and
/// no other descriptor of this process, its exit status and signals come back, and a command
/// that cannot start is an error.
@Suite struct ChildProcessRunnerTests {
    @Test func theChildInheritsNoOtherDescriptor() throws {
        // a descriptor opened without close-on-exec, as a library might leave one
        let leaked = open("/dev/null", O_RDONLY)
        #expect(leaked > 2)
        defer { close(leaked) }
        let outcome = try ChildProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "ls /proc/$$/fd; read line || echo eof"],
                                                 timeout: .seconds(60), maximumOutputBytes: 1 << 20)
        guard case .exited(0, let output, _) = outcome else { Issue.record("\(outcome)"); return }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.last == "eof", "standard input is /dev/null")
        #expect(Set(lines.dropLast()).isSubset(of: ["0", "1", "2"]), "\(lines)")
        #expect(!lines.contains(String(leaked)))
    }

    @Test func theExitStatusAndAKillingSignalComeBack() throws {
        let exited = try ChildProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "echo oops >&2; exit 3"],
                                                timeout: .seconds(60), maximumOutputBytes: 1 << 20)
        #expect(exited == .exited(status: 3, output: [], errorOutput: Array("oops\n".utf8)))
        let killed = try ChildProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "kill -TERM $$"],
                                                timeout: .seconds(60), maximumOutputBytes: 1 << 20)
        #expect(killed == .exited(status: 128 + SIGTERM, output: [], errorOutput: []))
    }

    @Test func aCommandThatCannotStartIsAnError() {
        #expect(throws: SpawnedChild.SpawnError.self) {
            try ChildProcessRunner.run(URL(fileURLWithPath: "/nonexistent/tool"), arguments: [], timeout: .seconds(5), maximumOutputBytes: 1024)
        }
    }
}
