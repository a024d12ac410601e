import AviaryCore
import Foundation

/// `find`: lists workspace files whose path matches a glob.
///
/// Arguments: `pattern` (glob, default all files) and `path` (directory to search, default the
/// workspace root). Returns workspace-relative paths, one per line, sorted, at most
/// ``maxResults`` of them (with a note when more matched).
///
/// Each call is bounded: the glob's size (see `GlobPattern.Limits`: 1,000 characters, 16 `{…}`
/// groups, 64 alternatives), ``timeLimit`` and ``maxSteps`` (directory entries and files
/// examined). A call that reaches a limit fails with a ``ToolError`` saying so. The body blocks
/// its thread, so the policy asks the runtime to run it off the event loops.
public struct FindTool: Tool {
    /// Most paths returned in one call.
    public let maxResults: Int
    /// Longest time one call may search.
    public let timeLimit: Duration
    /// Most directory entries and files one call may examine.
    public let maxSteps: Int

    /// Creates the tool; defaults: 500 results, 20 s and 1,000,000 steps per call.
    public init(maxResults: Int = 500, timeLimit: Duration = .seconds(20), maxSteps: Int = 1_000_000) {
        self.maxResults = max(1, maxResults)
        self.timeLimit = timeLimit
        self.maxSteps = max(1, maxSteps)
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

    /// Read-only (idempotent and safe); blocking: it runs off the event loops.
    public var policy: ToolPolicy { .blockingReadOnly }

    /// Lists matching files.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let workspace = try context.requireWorkspace()
        let pattern = try args.optionalString("pattern").flatMap { $0.isEmpty ? nil : $0 } ?? "**"
        let directory = try WorkspacePath(try args.optionalString("path") ?? "", in: workspace)
        guard FileSystemProbe.kind(ofPath: directory.absolutePath, followingLinks: true) != nil else {
            throw ToolError.notFound("directory '\(directory)' does not exist")
        }
        let glob = try GlobPattern(pattern)
        var budget = WorkBudget(tool: "find", time: timeLimit, maxSteps: maxSteps,
                                hint: "search a smaller directory with `path` or use a simpler pattern")
        let listing = try WorkspaceWalker().files(under: directory, budget: &budget)
        var matches: [WorkspacePath] = []
        for file in listing.files {
            try budget.spend()
            if glob.matches(WorkspaceWalker.path(of: file, below: directory)) { matches.append(file) }
        }
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
