import AviaryCore
import AviaryRuntime

/// An ingestion job as a run on the kernel (`knowledge.ingest`): input `{namespace, items}`,
/// each item one journaled step (`item/<i>`), so a restart resumes an unfinished job at the first
/// item it had not finished and never ingests a finished one again. An item that fails is
/// recorded with its error and the job goes on. With an embedding model, the job then fills in the
/// vectors of the namespace's chunks that lack them (``EmbeddingBackfill``, steps `embed/<n>`);
/// chunks are searchable lexically before that. The output: `{namespace, items: [result], counts, embeddings}`.
public struct IngestProgram: RunProgram {
    /// The program's name: runs of it are ingestion jobs.
    public static let programName = "knowledge.ingest"
    /// The most items one job takes.
    public static let maxItems = 1_000

    public var name: String { Self.programName }
    let ingestor: DocumentIngestor
    /// The model that embeds chunks (nil: no vectors, lexical retrieval only).
    public let embedder: (any EmbeddingModel)?
    /// Chunks embedded per journaled step.
    public var embeddingBatchSize = 32

    /// Creates the program over an ingestor, with an embedding model or without.
    public init(ingestor: DocumentIngestor, embedder: (any EmbeddingModel)? = nil) {
        self.ingestor = ingestor
        self.embedder = embedder
    }

    /// A job's input, checked: the namespace and the items (thrown: what to fix).
    public static func input(namespace: String, items: [JSONValue]) throws(IngestError) -> JSONValue {
        guard isNamespace(namespace) else {
            throw IngestError("namespace: '\(namespace)' must be 1 to 100 letters, digits, '_', '-' or '.', and not one of \(reservedNamespaces.sorted().joined(separator: ", "))")
        }
        guard !items.isEmpty, items.count <= maxItems else { throw IngestError("items: expected 1 to \(maxItems) items") }
        for (i, item) in items.enumerated() { _ = try IngestItem(json: item, index: i) }
        return .object(["namespace": .string(namespace), "items": .array(items)])
    }

    /// Names a namespace cannot have: they are routes of the API (`/knowledge-bases/query`) or path segments.
    public static let reservedNamespaces: Set<String> = [".", "..", "ingest", "query", "jobs"]

    /// True for a namespace name: 1 to 100 letters, digits, `_`, `-` or `.`, and not reserved.
    public static func isNamespace(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 100 && !reservedNamespaces.contains(s) && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
    }

    public func run(in context: RunContext) async throws -> RunResult {
        let namespace = context.input["namespace"]?.stringValue ?? ""
        let items = context.input["items"]?.arrayValue ?? []
        var results: [IngestItemResult] = []
        for (i, raw) in items.enumerated() {
            let recorded = try await context.jsonStep("item/\(i)", .idempotent) {
                do {
                    let item = try IngestItem(json: raw, index: i)
                    return await ingestor.ingest(item, namespace: namespace, tenant: context.tenant).json
                } catch {
                    return IngestItemResult(source: raw["source"]?.stringValue ?? "items[\(i)]", status: .failed, error: "\(error)").json
                }
            }
            results.append(IngestItemResult(json: recorded) ?? IngestItemResult(source: "items[\(i)]", status: .failed, error: "unreadable record"))
        }
        var embeddings = EmbeddingProgress(status: .off)
        if let embedder {
            embeddings = try await EmbeddingBackfill(store: ingestor.store, embedder: embedder, batchSize: embeddingBatchSize)
                .run(in: context, namespace: namespace)
        }
        return RunResult(output: Self.output(namespace: namespace, results, embeddings: embeddings))
    }

    /// The job's output for `results`.
    public static func output(namespace: String, _ results: [IngestItemResult], embeddings: EmbeddingProgress = EmbeddingProgress(status: .off)) -> JSONValue {
        var counts: [String: JSONValue] = [:]
        for status in ["created", "replaced", "skipped", "failed"] {
            counts[status] = .number(Double(results.filter { $0.status.rawValue == status }.count))
        }
        counts["chunks"] = .number(Double(results.reduce(0) { $0 + $1.chunks }))
        return .object(["namespace": .string(namespace), "items": .array(results.map(\.json)), "counts": .object(counts),
                        "embeddings": embeddings.json])
    }
}
