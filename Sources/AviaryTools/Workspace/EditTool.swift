import AviaryCore
import Foundation

/// `edit`: replaces an exact piece of text in a workspace file.
///
/// `old_text` must occur exactly once unless `replace_all` is true; matching is byte-exact (no
/// Unicode normalisation, no whitespace folding). The file is rewritten atomically. Not idempotent:
/// applying the same edit twice can fail or change the file again.
///
/// The edited file's size is computed from the number of occurrences before anything is
/// allocated (with overflow checks) and refused above ``WorkspaceLimits/maxFileBytes``; the
/// session's and tenant's workspace quotas are checked before the file is written.
public struct EditTool: Tool {
    /// The file size limit and workspace quotas.
    public let limits: WorkspaceLimits
    /// Longest time one call may search the file for `old_text`. Default 20 s.
    public let timeLimit: Duration
    /// Larger files are refused, and so are edits whose result would be larger.
    public var maxFileBytes: Int { limits.maxFileBytes }

    /// Creates the tool with `limits` (default: ``WorkspaceLimits``' defaults, 10 MB per file) and a
    /// time limit per call (default 20 s).
    public init(limits: WorkspaceLimits = WorkspaceLimits(), timeLimit: Duration = .seconds(20)) {
        self.limits = limits
        self.timeLimit = timeLimit
    }

    /// Creates the tool with a file size limit and the default quotas.
    public init(maxFileBytes: Int) {
        self.init(limits: WorkspaceLimits(maxFileBytes: maxFileBytes))
    }

    /// Name `edit`, with a JSON Schema for `path`, `old_text`, `new_text` and `replace_all`.
    public var spec: ToolSpec {
        ToolSpec(
            name: "edit",
            description: """
                Edit a text file in the session workspace by replacing an exact piece of text. `old_text` must match \
                the file exactly (including whitespace) and occur once, unless `replace_all` is true.
                """,
            parameters: [
                "type": "object",
                "properties": [
                    "path": ["type": "string", "description": "File to edit, relative to the workspace."],
                    "old_text": ["type": "string", "description": "The exact text to replace; include enough context to make it unique."],
                    "new_text": ["type": "string", "description": "The replacement text."],
                    "replace_all": ["type": "boolean", "description": "Replace every occurrence. Default: false."],
                ],
                "required": ["path", "old_text", "new_text"],
                "additionalProperties": false,
            ])
    }

    /// Not idempotent; safe: it only touches the session workspace. Blocking (file system): it
    /// runs off the event loops.
    public var policy: ToolPolicy { ToolPolicy(risk: .safe, idempotent: false, blocking: true) }

    /// Applies the edit.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let workspace = try context.requireWorkspace()
        let path = try WorkspacePath(try args.string("path"), in: workspace)
        let oldText = try args.string("old_text")
        let newText = try args.string("new_text")
        let replaceAll = try args.optionalBool("replace_all") ?? false
        guard !oldText.isEmpty else { throw ToolError.invalidArguments("old_text must not be empty") }
        guard !Array(oldText.utf8).elementsEqual(newText.utf8) else {
            throw ToolError.invalidArguments("old_text and new_text are identical; nothing to change")
        }
        guard FileSystemProbe.kind(ofPath: path.absolutePath, followingLinks: true) != nil else {
            throw ToolError.notFound("file '\(path)' does not exist; use write to create it")
        }
        let data = try WorkspaceFile.readBytes(path, maxBytes: maxFileBytes)
        guard !WorkspaceFile.looksBinary(data) else {
            throw ToolError.failed("'\(path)' looks like a binary file; only text files can be edited")
        }
        let haystack = [UInt8](data), needle = Array(oldText.utf8)
        var budget = WorkBudget(tool: "edit", time: timeLimit, maxSteps: .max, hint: "use a shorter old_text")
        // Counted first, without storing offsets: the result's size is known before anything is allocated.
        var count = 0
        try Self.forEachOccurrence(of: needle, in: haystack, budget: &budget) { _ in count += 1 }
        guard count > 0 else {
            throw ToolError.notFound("old_text was not found in '\(path)'; read the file and copy the text exactly")
        }
        guard count == 1 || replaceAll else {
            throw ToolError.invalidArguments("""
                old_text occurs \(count) times in '\(path)'; add surrounding text to make it unique, or set replace_all
                """)
        }
        // The result's size, known before any allocation: the file grows by (new - old) per occurrence.
        let (growth, growthOverflow) = count.multipliedReportingOverflow(by: newText.utf8.count - needle.count)
        let (finalSize, sizeOverflow) = haystack.count.addingReportingOverflow(growth)
        guard !growthOverflow, !sizeOverflow, finalSize <= maxFileBytes else {
            let size = growthOverflow || sizeOverflow ? "larger than any file can be" : "\(finalSize) bytes"
            throw ToolError.failed("""
                refused: replacing \(count) occurrence\(count == 1 ? "" : "s") would make '\(path)' \(size); \
                the limit per file is \(maxFileBytes) bytes. Nothing was changed. Replace fewer occurrences or shorter text.
                """)
        }
        try WorkspaceQuota(limits: limits, context: context, workspace: workspace).checkWrite(of: finalSize, to: path)
        var result: [UInt8] = []
        result.reserveCapacity(finalSize)
        var cursor = 0
        try Self.forEachOccurrence(of: needle, in: haystack, budget: &budget) { start in
            result.append(contentsOf: haystack[cursor..<start])
            result.append(contentsOf: newText.utf8)
            cursor = start + needle.count
        }
        result.append(contentsOf: haystack[cursor...])
        try WorkspaceFile.write(Data(result), to: path)
        return .text("edited \(path): replaced \(count) occurrence\(count == 1 ? "" : "s")")
    }

    /// Calls `body` with the start offset of each non-overlapping occurrence of `needle` in
    /// `haystack`, left to right. Checks `budget` (time, cancellation) every 65,536 byte comparisons:
    /// a long needle that almost matches everywhere costs up to haystack × needle comparisons.
    static func forEachOccurrence(of needle: [UInt8], in haystack: [UInt8], budget: inout WorkBudget,
                                  _ body: (Int) -> Void) throws(ToolError) {
        guard !needle.isEmpty, needle.count <= haystack.count else { return }
        var i = 0, work = 0
        let first = needle[0], last = haystack.count - needle.count
        while i <= last {
            var matched = false
            if haystack[i] == first {
                work += needle.count
                matched = haystack[i..<(i + needle.count)].elementsEqual(needle)
            }
            work += 1
            if work >= 65_536 {
                work = 0
                try budget.spend()
            }
            if matched {
                body(i)
                i += needle.count
            } else {
                i += 1
            }
        }
    }
}
