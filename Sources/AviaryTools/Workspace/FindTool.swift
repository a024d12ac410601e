import AviaryCore
import Foundation

/// `find`: lists workspace files whose path matches a glob.
///
/// Arguments: `pattern` (glob, default all files) and `path` (directory to search, default the
/// workspace root). Returns workspace-relative paths, one per line, sorted, at most
/// ``maxResults`` of them (with a note when more matched).
public struct FindTool: Tool {
    /// Most paths returned in one call.
    public let maxResults: Int

    /// Creates the tool; `maxResults` defaults to 500.
    public init(maxResults: Int = 500) {
        self.maxResults = max(1, maxResults)
    }

    /// Name `find`, with a JSON Schema for `pattern` and `path`.
    public var spec: ToolSpec {
        ToolSpec(
            name: "find",
            description: """
                Find files in the session workspace by glob. `*` matches within a name, `**` across directories, \
                `{a,b}` alternatives. A pattern without '/' matches file names at any depth ("*.md"); one with '/' \
                matches the path below `path` ("notes/**/*.txt"). Returns workspace-relative paths, one per line.
                """,
            parameters: [
                "type": "object",
                "properties": [
                    "pattern": ["type": "string", "description": "Glob such as \"**/*.md\" or \"*.txt\". Default: all files."],
                    "path": ["type": "string", "description": "Directory to search, relative to the workspace. Default: the workspace root."],
                ],
                "required": [],
                "additionalProperties": false,
            ])
    }

    /// Read-only: idempotent and safe.
    public var policy: ToolPolicy { .readOnly }

    /// Lists matching files.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let workspace = try context.requireWorkspace()
        let pattern = try args.optionalString("pattern").flatMap { $0.isEmpty ? nil : $0 } ?? "**"
        let directory = try WorkspacePath(try args.optionalString("path") ?? "", in: workspace)
        guard FileSystemProbe.kind(ofPath: directory.absolutePath, followingLinks: true) != nil else {
            throw ToolError.notFound("directory '\(directory)' does not exist")
        }
        let glob = GlobPattern(pattern)
        let listing = WorkspaceWalker().files(under: directory)
        let matches = listing.files.filter { glob.matches(WorkspaceWalker.path(of: $0, below: directory)) }
        guard !matches.isEmpty else {
            return .text("no files match '\(pattern)' in '\(directory)'")
        }
        var lines = matches.prefix(maxResults).map(\.relativePath)
        if matches.count > maxResults {
            lines.append("[truncated: showing the first \(maxResults) of \(matches.count) files; narrow the pattern or path]")
        } else if listing.incomplete {
            lines.append("[incomplete: the directory tree is too large to search fully; narrow the path]")
        }
        return .text(lines.joined(separator: "\n"))
    }
}
