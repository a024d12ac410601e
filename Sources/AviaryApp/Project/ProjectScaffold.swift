import Foundation

/// Writes a starter project: `aviary.yaml`, a router agent with the file tools and a helper agent.
public struct ProjectScaffold: Sendable {
    /// Creates a scaffold writer.
    public init() {}

    /// Writes the files; returns their relative paths. Refuses to overwrite unless asked.
    public func write(to root: URL, overwrite: Bool = false) throws -> [String] {
        let files: [(String, String)] = [
            ("aviary.yaml", """
            # Aviary project settings. Every key is optional.
            # model: openai/gpt-4o-mini        # default model (else: OPENAI_API_KEY → OpenAI, ANTHROPIC_API_KEY → Anthropic, else the embedded local model)
            default_agent: router
            profiles:
              fast: openai/gpt-4o-mini
            """),
            ("agents/router.yaml", """
            name: router
            description: Answers the user, delegating to specialists when useful.
            kind: react
            instructions: |
              You are the entry point of this project. Answer the user's question.
              Use the file tools to read and write files in the session workspace.
              Delegate writing tasks to the writer agent.
            tools: [find, grep, read, write, edit, writer]
            max_iterations: 10
            """),
            ("agents/writer.yaml", """
            name: writer
            description: Writes short texts (poems, summaries, emails) on request and returns them.
            kind: react
            instructions: |
              You write short, clear texts. Return only the text.
            tools: []
            """),
            (".gitignore", ".aviary/\n"),
        ]
        var written: [String] = []
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) && !overwrite {
                throw ConfigurationError("\(url.path) already exists; use --force to overwrite")
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            written.append(path)
        }
        return written
    }
}
