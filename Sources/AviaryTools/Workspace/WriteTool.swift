import AviaryCore
import Foundation

/// `write`: creates or replaces a workspace file with the given text.
///
/// Missing parent directories are created and the write is atomic (temporary file + rename), so a
/// reader never sees a half-written file. Writing the same content twice leaves the same result,
/// so the tool is idempotent.
public struct WriteTool: Tool {
    /// Largest content accepted, in UTF-8 bytes.
    public let maxBytes: Int

    /// Creates the tool; `maxBytes` defaults to 10 MB.
    public init(maxBytes: Int = 10_000_000) {
        self.maxBytes = maxBytes
    }

    /// Name `write`, with a JSON Schema for `path` and `content`.
    public var spec: ToolSpec {
        ToolSpec(
            name: "write",
            description: """
                Create or overwrite a text file in the session workspace. Parent directories are created as needed.
                """,
            parameters: [
                "type": "object",
                "properties": [
                    "path": ["type": "string", "description": "File to write, relative to the workspace."],
                    "content": ["type": "string", "description": "The complete new content of the file."],
                ],
                "required": ["path", "content"],
                "additionalProperties": false,
            ])
    }

    /// Idempotent (same content, same file) and safe: it only touches the session workspace.
    public var policy: ToolPolicy { ToolPolicy(risk: .safe, idempotent: true) }

    /// Writes the file.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let workspace = try context.requireWorkspace()
        let path = try WorkspacePath(try args.string("path"), in: workspace)
        let content = try args.string("content")
        let bytes = Data(content.utf8)
        guard bytes.count <= maxBytes else {
            throw ToolError.invalidArguments("content is too large (\(bytes.count) bytes; the limit is \(maxBytes) bytes)")
        }
        try WorkspaceFile.write(bytes, to: path)
        return .text("wrote \(bytes.count) bytes to \(path)")
    }
}
