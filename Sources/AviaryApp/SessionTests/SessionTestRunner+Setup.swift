import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import Foundation

extension SessionTestRunner {
    /// One `setup.ingest` step's documents: the files under its paths (folders walked as by
    /// `aviary ingest`), each with its path relative to the project as its source, so citations
    /// read the same on every machine.
    func documents(of step: SessionTestSetup.Ingest) throws -> [(file: URL, source: String)] {
        let root = configuration.projectDirectory.standardizedFileURL
        let files: [URL]
        do { files = try KnowledgeFiles.expand(step.paths.map { root.appendingPathComponent($0).path }) } catch {
            throw SessionTestError.setupFailed("setup.ingest '\(step.namespace)': \(ErrorText.describe(error))")
        }
        return files.map { file in
            let path = file.standardizedFileURL.path
            return (file, path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path)
        }
    }

    /// Ingests `setup.ingest` into the application's store, as jobs of this process.
    func ingest(_ setup: SessionTestSetup, into app: AviaryApplication) async throws {
        for step in setup.ingest {
            let items = try documents(of: step).map { IngestItem(origin: .file(path: $0.file.path), source: $0.source, metadata: step.metadata).json }
            let input = try IngestProgram.input(namespace: step.namespace, items: items)
            let run = try await app.runtime.run(RunRequest(agent: IngestProgram.programName, input: input, tenant: configuration.tenant))
            try report(step, status: run.status.rawValue, error: run.error, output: run.output ?? .null)
        }
    }

    /// Checks an ingestion job's outcome and prints one line for it.
    func report(_ step: SessionTestSetup.Ingest, status: String, error: String?, output: JSONValue) throws {
        let counts = output["counts"]
        let failed = (output["items"]?.arrayValue ?? []).filter { $0["status"] == "failed" }
        guard status == RunStatus.completed.rawValue, failed.isEmpty else {
            let why = failed.map { "\($0["source"]?.stringValue ?? "?"): \($0["error"]?.stringValue ?? "failed")" }.joined(separator: "; ")
            throw SessionTestError.setupFailed("setup.ingest '\(step.namespace)' \(status): \(why.isEmpty ? error ?? "" : why)")
        }
        options.progress("setup: ingested \(step.paths.joined(separator: ", ")) into '\(step.namespace)' "
                         + "(\(counts?["created"]?.intValue ?? 0) created, \(counts?["replaced"]?.intValue ?? 0) replaced, "
                         + "\(counts?["skipped"]?.intValue ?? 0) unchanged)")
    }

    /// A file's content type for the ingest API, by extension (the formats it takes inline).
    static func contentType(of file: URL) -> String? {
        switch file.pathExtension.lowercased() {
        case "md", "markdown": return "text/markdown"
        case "txt": return "text/plain"
        case "html", "htm": return "text/html"
        case "csv": return "text/csv"
        case "json": return "application/json"
        default: return nil
        }
    }
}
