import AviaryCore
import Foundation

/// `grep`: searches workspace text files line by line for a regular expression.
///
/// Arguments: `pattern` (regular expression, ICU syntax, close to PCRE), `path` (file or directory,
/// default the workspace root), `glob` (file filter, as in `find`) and `ignore_case`. Returns
/// `path:line: text` lines, at most ``maxMatches``. Binary files and files larger than
/// ``maxFileBytes`` are skipped.
///
/// Each call is bounded: the pattern's length (``maxPatternLength``), the lines scanned
/// (``maxLinesScanned``), its time (``timeLimit``) and the backtracking one line may take
/// (``BoundedLineMatcher``). The time is checked between lines and inside a line's match too:
/// ICU reports progress periodically during a long match, and the match stops at the deadline or
/// when the call is cancelled. A pattern that backtracks catastrophically (`^(a+)+$`) ends the call
/// with a ``ToolError`` naming the line, never with "no matches": ICU's matcher gives up silently
/// after a fixed amount of backtracking and would report a false "no match". The body blocks its
/// thread, so the policy asks the runtime to run it off the event loops.
public struct GrepTool: Tool {
    /// Most matching lines returned in one call.
    public let maxMatches: Int
    /// Larger files are skipped.
    public let maxFileBytes: Int
    /// Matching lines longer than this many characters are shortened.
    public let maxLineLength: Int
    /// Longest pattern accepted, in characters.
    public let maxPatternLength: Int
    /// Most lines (plus directory entries) one call may examine.
    public let maxLinesScanned: Int
    /// Longest time one call may search.
    public let timeLimit: Duration

    /// Creates the tool; defaults: 200 matches, files up to 10 MB, lines shown up to 500
    /// characters, patterns up to 1,000 characters, 1,000,000 lines and 20 s per call.
    public init(maxMatches: Int = 200, maxFileBytes: Int = 10_000_000, maxLineLength: Int = 500, maxPatternLength: Int = 1_000,
                maxLinesScanned: Int = 1_000_000, timeLimit: Duration = .seconds(20)) {
        self.maxMatches = max(1, maxMatches)
        self.maxFileBytes = maxFileBytes
        self.maxLineLength = max(20, maxLineLength)
        self.maxPatternLength = max(1, maxPatternLength)
        self.maxLinesScanned = max(1, maxLinesScanned)
        self.timeLimit = timeLimit
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

    /// Read-only (idempotent and safe); blocking: it runs off the event loops.
    public var policy: ToolPolicy { .blockingReadOnly }

    /// Searches the files.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let workspace = try context.requireWorkspace()
        let pattern = try args.string("pattern")
        guard !pattern.isEmpty else { throw ToolError.invalidArguments("argument 'pattern' must not be empty") }
        guard pattern.count <= maxPatternLength else {
            throw ToolError.invalidArguments("pattern is too long (\(pattern.count) characters; the limit is \(maxPatternLength))")
        }
        let target = try WorkspacePath(try args.optionalString("path") ?? "", in: workspace)
        let globText = try args.optionalString("glob") ?? ""
        let glob = try globText.isEmpty ? nil : GlobPattern(globText)
        let matcher: BoundedLineMatcher
        do {
            let options: NSRegularExpression.Options = try args.optionalBool("ignore_case") == true ? [.caseInsensitive] : []
            matcher = BoundedLineMatcher(try NSRegularExpression(pattern: pattern, options: options))
        } catch let error as ToolError {
            throw error
        } catch {
            throw ToolError.invalidArguments("invalid regular expression '\(pattern)': \(error.localizedDescription)")
        }
        guard FileSystemProbe.kind(ofPath: target.absolutePath, followingLinks: true) != nil else {
            throw ToolError.notFound("'\(target)' does not exist")
        }
        var budget = WorkBudget(tool: "grep", time: timeLimit, maxSteps: maxLinesScanned,
                                hint: "search fewer files with `path` or `glob`, or use a simpler pattern without nested repetition")
        let listing = try WorkspaceWalker().files(under: target, budget: &budget)
        var lines: [String] = []
        var total = 0
        for file in listing.files {
            try budget.spend()
            if let glob, !glob.matches(WorkspaceWalker.path(of: file, below: target)) { continue }
            guard (FileSystemProbe.size(ofPath: file.absolutePath) ?? .max) <= maxFileBytes,
                let bytes = try? Data(contentsOf: file.url), !WorkspaceFile.looksBinary(bytes)
            else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            var number = 0
            for line in WorkspaceFile.lines(of: text).map(String.init) {
                number += 1
                try budget.spend()
                guard try Self.matches(matcher, line, budget: budget, at: "\(file.relativePath):\(number)") else { continue }
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

    /// Whether `matcher` matches somewhere in `line` (at `location`, for messages); throws when
    /// the call's time runs out or it is cancelled during the match, when the line needs more
    /// backtracking than ICU can finish reliably, or when ICU fails.
    static func matches(_ matcher: BoundedLineMatcher, _ line: String, budget: WorkBudget, at location: String) throws(ToolError) -> Bool {
        switch matcher.match(line, shouldStop: { budget.isExhausted }) {
        case .match: return true
        case .noMatch: return false
        case .interrupted:
            try budget.check()
            throw budget.timeUp()
        case .tooMuchBacktracking:
            throw ToolError.failed("""
                grep stopped at \(location): the pattern backtracks too much on this line (more than \(matcher.maxTicks * 10_000) \
                steps without a match), so no reliable answer is possible; use a simpler pattern without nested or overlapping \
                repetition such as (a+)+ or (a|a)*
                """)
        case .failed:
            throw ToolError.failed("""
                grep stopped at \(location): the regular expression engine failed on this line (its backtracking stack \
                overflowed); use a simpler pattern, or one that does not repeat alternatives over a long line
                """)
        }
    }

    private func shorten(_ line: String) -> String {
        line.count > maxLineLength ? String(line.prefix(maxLineLength)) + "…" : line
    }
}
