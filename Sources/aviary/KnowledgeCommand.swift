import ArgumentParser
import AviaryApp
import AviaryCore
import AviaryKnowledge
import Foundation

/// `aviary ingest PATH|URL… --namespace NS`: local documents and web pages into a knowledge base, as one durable job.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest files, folders and web pages (Markdown, text, HTML, CSV, JSON, PDF with pdftotext) into a knowledge base.",
        discussion: "http(s) URLs are fetched by the rules of knowledge.fetch in aviary.yaml: public addresses only unless allowed, robots.txt obeyed, 20 MB and 30 s at most by default.")
    @OptionGroup var options: ProjectOptions
    @Argument(help: "Files, folders (walked) or http(s) URLs.") var paths: [String]
    @Option(help: "The knowledge base to ingest into.") var namespace: String = "default"
    @Option(help: "Metadata every chunk carries, as a JSON object.") var metadata: String?
    @Flag(help: "Print the job's result as JSON.") var json = false

    func run() async throws {
        try await failing {
            let meta: JSONValue
            do { meta = try metadata.map { try JSONValue(parsing: $0) } ?? .object([:]) } catch { throw ValidationError("--metadata is not JSON: \(error)") }
            guard meta.objectValue != nil else { throw ValidationError("--metadata: expected a JSON object") }
            let run = try await AviaryApplication.ingest(try options.configuration(), paths: paths, namespace: namespace, metadata: meta,
                                                         options: AviaryApplication.Options(progress: { printError($0) }),
                                                         onEmbedded: { printError("vectors: \($0) chunks embedded") }) { done, total, result in
                let bar = String(repeating: "█", count: done * 20 / max(total, 1)).padding(toLength: 20, withPad: "░", startingAt: 0)
                let detail = result.status == .failed ? "failed: \(result.error ?? "")" : "\(result.status.rawValue), \(result.chunks) chunks"
                printError("\(bar) \(done)/\(total)  \(result.source)  \(detail)")
            }
            let counts = run.output?["counts"]
            if json { print(run.output?.jsonString ?? "{}") } else {
                print("job \(run.id.rawValue) \(run.status.rawValue): \(counts?["created"]?.intValue ?? 0) created, \(counts?["replaced"]?.intValue ?? 0) replaced, "
                      + "\(counts?["skipped"]?.intValue ?? 0) unchanged, \(counts?["failed"]?.intValue ?? 0) failed; \(counts?["chunks"]?.intValue ?? 0) chunks written")
                print(Self.vectorsLine(run.output?["embeddings"]))
            }
            if run.status != .completed || (counts?["failed"]?.intValue ?? 0) > 0 { throw ExitCode.failure }
        }
    }

    /// The job's vectors, in one line.
    static func vectorsLine(_ e: JSONValue?) -> String {
        guard let e, let status = e["status"]?.stringValue else { return "vectors: none recorded" }
        switch status {
        case "off": return "vectors: off (no embedding model): retrieval is lexical only"
        case "failed": return "vectors: failed after \(e["embedded"]?.intValue ?? 0) embedded: \(e["error"]?.stringValue ?? ""); \(e["remaining"]?.intValue ?? 0) chunks wait for the next job (searchable by full text meanwhile)"
        default: return "vectors: \(e["embedded"]?.intValue ?? 0) embedded with \(e["model"]?.stringValue ?? "?")\((e["remaining"]?.intValue ?? 0) > 0 ? ", \(e["remaining"]?.intValue ?? 0) remaining" : "")"
        }
    }
}

/// `aviary kb list|query|delete`: the project's knowledge bases.
struct KnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kb", abstract: "Knowledge bases: list, query, delete.",
                                                    subcommands: [List.self, Query.self, Delete.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The knowledge bases, or one knowledge base's documents.")
        @OptionGroup var options: ProjectOptions
        @Argument(help: "A knowledge base: list its documents.") var namespace: String?
        func run() async throws {
            try await failing {
                let config = try options.configuration()
                if let namespace {
                    let docs = try await AviaryApplication.knowledgeDocuments(config, namespace: namespace)
                    if docs.isEmpty { printError("no documents in \(namespace)") }
                    for d in docs { print("\(d.source)  \(d.chunkCount) chunks  \(d.title ?? "")") }
                } else {
                    let bases = try await AviaryApplication.knowledgeBases(config)
                    if bases.isEmpty { printError("no knowledge bases yet: aviary ingest PATH --namespace NAME") }
                    for b in bases { print("\(b.name)  \(b.documents) documents  \(b.chunks) chunks") }
                }
            }
        }
    }

    struct Query: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The passages that best answer a question (hybrid retrieval with an embedding model, else lexical).")
        @OptionGroup var options: ProjectOptions
        @Argument(help: "The question.") var question: String
        @Option(help: "The knowledge base.") var namespace: String = "default"
        @Option(name: .customLong("top-k"), help: "How many passages (1 to 50).") var topK: Int = 5
        @Flag(help: "Print the results as JSON (the query API's shape).") var json = false
        func run() async throws {
            try await failing {
                let result = try await AviaryApplication.queryKnowledge(try options.configuration(), question: question, namespace: namespace, topK: topK,
                                                                        options: AviaryApplication.Options(progress: { printError($0) }))
                if json { print(result.jsonString); return }
                if let note = result["note"]?.stringValue { printError("note: \(note)") }
                if let reranker = result["reranker"]?.stringValue { printError("reranked by \(reranker)") }
                let hits = result["results"]?.arrayValue ?? []
                if hits.isEmpty { printError("nothing in \(namespace) matches") }
                for hit in hits {
                    let path = (hit["heading_path"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " > ")
                    print("[\(hit["rank"]?.intValue ?? 0)] \(hit["source"]?.stringValue ?? "")\(path.isEmpty ? "" : " — \(path)")  (score \(String(format: "%.3f", hit["score"]?.numberValue ?? 0)))")
                    print((hit["text"]?.stringValue ?? "").split(separator: "\n").prefix(4).map { "    " + $0 }.joined(separator: "\n"))
                }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a knowledge base, or one of its documents (--source).")
        @OptionGroup var options: ProjectOptions
        @Argument(help: "The knowledge base.") var namespace: String
        @Option(help: "Only this document (its source, as `kb list NAMESPACE` shows it).") var source: String?
        func run() async throws {
            try await failing {
                let n = try await AviaryApplication.deleteKnowledge(try options.configuration(), namespace: namespace, source: source)
                print("deleted \(n) document\(n == 1 ? "" : "s")")
            }
        }
    }
}
