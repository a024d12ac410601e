import AviaryCore
import Foundation

/// `read`: returns a workspace text file with line numbers, like `cat -n`.
///
/// Arguments: `path`, `offset` (first line, 1-based) and `limit` (number of lines, default
/// ``defaultLineLimit``). Binary files and files over ``maxFileBytes`` are refused; very long lines
/// are shortened.
public struct ReadTool: Tool {
    /// Lines returned when the caller gives no `limit`.
    public let defaultLineLimit: Int
    /// Larger files are refused.
    public let maxFileBytes: Int
    /// Longer lines are shortened.
    public let maxLineLength: Int

    /// Creates the tool; defaults: 2,000 lines, files up to 10 MB, lines up to 2,000 characters.
    public init(defaultLineLimit: Int = 2_000, maxFileBytes: Int = 10_000_000, maxLineLength: Int = 2_000) {
        self.defaultLineLimit = max(1, defaultLineLimit)
        self.maxFileBytes = maxFileBytes
        self.maxLineLength = max(20, maxLineLength)
    }

    /// Name `read`, with a JSON Schema for `path`, `offset` and `limit`.
    public var spec: ToolSpec {
        ToolSpec(
            name: "read",
            description: """
                Read a text file from the session workspace. Lines are numbered like `cat -n`. Use offset and limit \
                to page through long files.
                """,
            parameters: [
                "type": "object",
                "properties": [
                    "path": ["type": "string", "description": "File to read, relative to the workspace."],
                    "offset": ["type": "integer", "minimum": 1, "description": "First line to return (1-based). Default: 1."],
                    "limit": ["type": "integer", "minimum": 1, "description": .string("Number of lines to return. Default: \(defaultLineLimit).")],
                ],
                "required": ["path"],
                "additionalProperties": false,
            ])
    }

    /// Read-only (idempotent and safe); blocking (file system): it runs off the event loops.
    public var policy: ToolPolicy { .blockingReadOnly }

    /// Reads the file.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let workspace = try context.requireWorkspace()
        let path = try WorkspacePath(try args.string("path"), in: workspace)
        let offset = try args.optionalInt("offset", minimum: 1) ?? 1
        let limit = try args.optionalInt("limit", minimum: 1) ?? defaultLineLimit
        let text = try WorkspaceFile.readText(path, maxBytes: maxFileBytes)
        let lines = WorkspaceFile.lines(of: text)
        guard !lines.isEmpty else { return .text("(file '\(path)' is empty)") }
        guard offset <= lines.count else {
            throw ToolError.invalidArguments("offset \(offset) is past the end of '\(path)' (\(lines.count) lines)")
        }
        let end = min(lines.count, offset - 1 + min(limit, lines.count))
        var out: [String] = []
        out.reserveCapacity(end - offset + 2)
        for index in (offset - 1)..<end {
            let line = lines[index]
            let shown = line.count > maxLineLength ? line.prefix(maxLineLength) + "…" : String(line)
            out.append(Self.number(index + 1) + "\t" + shown)
        }
        if end < lines.count || offset > 1 {
            out.append("[showing lines \(offset)-\(end) of \(lines.count)\(end < lines.count ? "; use offset=\(end + 1) to read more" : "")]")
        }
        return .text(out.joined(separator: "\n"))
    }

    /// The line number right-aligned in six columns, as `cat -n` prints it.
    private static func number(_ n: Int) -> String {
        let digits = String(n)
        return digits.count >= 6 ? digits : String(repeating: " ", count: 6 - digits.count) + digits
    }
}
