import AviaryCore
import AviaryRuntime

/// The part of an ingestion job that fills in vectors behind the chunks it stored: batch after
/// batch of the namespace's chunks still without a vector of the model, each batch a journaled
/// step (`embed/<n>`), so a resumed job goes on where it stopped. Chunks are searchable lexically
/// from the moment they are stored; this only adds them to the vector ranking. A batch the model
/// cannot embed (after the provider client's retries) ends the backfill with its error; the
/// chunks left keep waiting for the next job.
struct EmbeddingBackfill: Sendable {
    let store: any KnowledgeStore
    let embedder: any EmbeddingModel
    let batchSize: Int

    /// Runs the backfill for `namespace` and returns its summary (the job output's `embeddings`).
    func run(in context: RunContext, namespace: String) async throws -> EmbeddingProgress {
        var progress = EmbeddingProgress(status: .running, model: embedder.name)
        var batch = 0
        var emptyBatches = 0
        while true {
            let recorded = try await context.jsonStep("embed/\(batch)", .idempotent) { await embedOneBatch(tenant: context.tenant, namespace: namespace) }
            batch += 1
            if let error = recorded["error"]?.stringValue {
                progress.status = .failed
                progress.error = error
                break
            }
            let stored = recorded["embedded"]?.intValue ?? 0
            progress.embedded += stored
            if recorded["done"]?.boolValue == true { break }
            // chunks deleted under the batch: give up after a second empty one rather than spin
            emptyBatches = stored == 0 ? emptyBatches + 1 : 0
            if emptyBatches >= 2 { break }
        }
        progress.remaining = (try? await store.countChunksNeedingEmbeddings(tenant: context.tenant, namespace: namespace, model: embedder.name)) ?? 0
        if progress.status == .running { progress.status = .completed }
        return progress
    }

    private func embedOneBatch(tenant: String, namespace: String) async -> JSONValue {
        do {
            let chunks = try await store.chunksNeedingEmbeddings(tenant: tenant, namespace: namespace, model: embedder.name, limit: batchSize)
            if chunks.isEmpty { return ["embedded": 0, "done": true] }
            let vectors = try await embedder.embed(chunks.map(Self.passage), as: .passage)
            guard vectors.count == chunks.count else {
                return .object(["error": .string("the embedding model returned \(vectors.count) vectors for \(chunks.count) chunks")])
            }
            let stored = try await store.storeEmbeddings(zip(chunks, vectors).map { ChunkEmbedding(chunkID: $0.id, vector: $1) },
                                                         model: embedder.name, tenant: tenant, namespace: namespace)
            return ["embedded": .number(Double(stored))]
        } catch {
            return .object(["error": .string("embedding with \(embedder.name) failed: \(error)")])
        }
    }

    /// What is embedded for a chunk: its heading path, then its text (the headings carry the context
    /// a passage's own words often lack).
    static func passage(_ chunk: KnowledgeChunkRecord) -> String {
        chunk.headingPath.isEmpty ? chunk.text : chunk.headingPath.joined(separator: " > ") + "\n\n" + chunk.text
    }
}
