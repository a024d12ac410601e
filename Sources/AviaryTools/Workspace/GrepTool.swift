import AviaryCore
import Foundation

/// `grep`: searches workspace text files line by line for a regular expression.
///
/// Arguments: `pattern` (regular expression, ICU syntax, close to PCRE), `path` (file or directory,
/// default the workspace root), `glob` (file filter, as in `find`) and `ignore_case`. Returns
/// `path:line: text` lines, at most ``maxMatches``. Binary files and files larger than
/// ``maxFileBytes`` are skipped.
public struct GrepTool: Tool {
    /// Most matching lines returned in one call.
    public let maxMatches: Int
    /// Larger files are skipped.
    public let maxFileBytes: Int
    /// Matching lines longer than this many characters are shortened.
    public let maxLineLength: Int

    /// Creates the tool; defaults: 200 matches, files up to 10 MB, lines shown up to 500 characters.
    public init(maxMatches: Int = 200, maxFileBytes: Int = 10_000_000, maxLineLength: Int = 500) {
        self.maxMatches = max(1, maxMatches)
        self.maxFileBytes = maxFileBytes
        self.maxLineLength = max(20, maxLineLength)
    }

    /// Name `grep`, with a JSON Schema for `pattern`, `path`, `glob` and `ignore_case`.
    public var spec: ToolSpec {
        ToolSpec(
            name: "grep",
            description: """
                Search the contents of text files in the session workspace with a regular expression, line by line. \
                Returns matches as `path:line: text`.
                """,
            parameters: [
                "type": "object",
                "properties": [
                    "pattern": ["type": "string", "description": "Regular expression to search for, e.g. \"TODO|FIXME\" or \"def \\\\w+\"."],
                    "path": ["type": "string", "description": "File or directory to search, relative to the workspace. Default: the workspace root."],
                    "glob": ["type": "string", "description": "Only search files matching this glob, e.g. \"*.md\"."],
                    "ignore_case": ["type": "boolean", "description": "Match case-insensitively. Default: false."],
                ],
                "required": ["pattern"],
                "additionalProperties": false,
            ])
    }

    /// Read-only: idempotent and safe.
    public var policy: ToolPolicy { .readOnly }

    /// Searches the files.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let workspace = try context.requireWorkspace()
        let pattern = try args.string("pattern")
        guard !pattern.isEmpty else { throw ToolError.invalidArguments("argument 'pattern' must not be empty") }
        let target = try WorkspacePath(try args.optionalString("path") ?? "", in: workspace)
        let glob = try args.optionalString("glob").flatMap { $0.isEmpty ? nil : GlobPattern($0) }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: pattern, options: try args.optionalBool("ignore_case") == true ? [.caseInsensitive] : [])
        } catch {
            throw ToolError.invalidArguments("invalid regular expression '\(pattern)': \(error.localizedDescription)")
        }
        guard FileSystemProbe.kind(ofPath: target.absolutePath, followingLinks: true) != nil else {
            throw ToolError.notFound("'\(target)' does not exist")
        }
        let listing = WorkspaceWalker().files(under: target)
        var lines: [String] = []
        var total = 0
        for file in listing.files {
            if let glob, !glob.matches(WorkspaceWalker.path(of: file, below: target)) { continue }
            guard (FileSystemProbe.size(ofPath: file.absolutePath) ?? .max) <= maxFileBytes,
                let bytes = try? Data(contentsOf: file.url), !WorkspaceFile.looksBinary(bytes)
            else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            var number = 0
            for line in WorkspaceFile.lines(of: text).map(String.init) {
                number += 1
                guard regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil else { continue }
                total += 1
                if lines.count < maxMatches {
                    lines.append("\(file.relativePath):\(number): \(shorten(line))")
                }
            }
        }
        guard total > 0 else {
            return .text("no matches for '\(pattern)' in '\(target)'")
        }
        if total > maxMatches {
            lines.append("[truncated: showing the first \(maxMatches) of \(total) matching lines; narrow the pattern, path or glob]")
        } else if listing.incomplete {
            lines.append("[incomplete: the directory tree is too large to search fully; narrow the path]")
        }
        return .text(lines.joined(separator: "\n"))
    }

    private func shorten(_ line: String) -> String {
        line.count > maxLineLength ? String(line.prefix(maxLineLength)) + "…" : line
    }
}
