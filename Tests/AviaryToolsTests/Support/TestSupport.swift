import AviaryCore
import Foundation

/// Shared helpers for the tools tests: temporary directories, contexts and file fixtures.
enum TestSupport {
    /// Runs `body` with a fresh temporary directory (links resolved) that is removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath()
        let url = base.appendingPathComponent("aviary-tools-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }

    /// A tool context whose session workspace is `workspace`.
    static func context(workspace: URL?) -> ToolContext {
        ToolContext(runID: "run_test", tenant: "tenant_test", sessionID: "session_test", workspace: workspace,
                    idempotencyKey: "run_test/turn/1/tool/call_1", callID: "call_1")
    }

    /// Writes `text` to `relativePath` below `directory`, creating folders.
    static func write(_ text: String, to relativePath: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Reads the text at `relativePath` below `directory`, or `nil` when it does not exist.
    static func read(_ relativePath: String, in directory: URL) -> String? {
        (try? Data(contentsOf: directory.appendingPathComponent(relativePath))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Creates a symbolic link at `relativePath` below `directory` pointing to `destination` (verbatim).
    static func symlink(_ relativePath: String, in directory: URL, to destination: String) throws {
        let url = directory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// Calls `tool` with `arguments` in a context whose workspace is `workspace`; returns the output text.
    static func run(_ tool: some Tool, _ arguments: JSONValue, workspace: URL?) async throws -> String {
        try await tool.call(arguments: arguments, context: context(workspace: workspace)).modelText
    }

    /// Calls `tool` expecting a ``ToolError``; returns it (or `nil` when the call succeeded or threw something else).
    static func failure(_ tool: some Tool, _ arguments: JSONValue, workspace: URL?) async -> ToolError? {
        do {
            _ = try await tool.call(arguments: arguments, context: context(workspace: workspace))
            return nil
        } catch let error as ToolError {
            return error
        } catch {
            return nil
        }
    }
}
