import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// `/knowledge-bases/*` (seed 000): ingestion jobs (durable runs of `knowledge.ingest`), job
/// status, direct retrieval, and listing and deleting knowledge bases and documents. Everything
/// is the caller's tenant's; ingesting and deleting are for admins, developers and services.
extension SpecRoutes {
    func ingestKnowledge(_ input: Operations.IngestKnowledge.Input) async throws -> Operations.IngestKnowledge.Output {
        let identity = try Self.requireKnowledgeEditor()
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_body", "expected a JSON body with items or urls") }
        let shared = try body.metadata.map(JSONValue.init(container:))
        var items: [JSONValue] = []
        for (i, item) in (body.items ?? []).enumerated() {
            var o: [String: JSONValue]
            switch (item.content, item.url) {
            case (let content?, nil):
                o = ["content": .string(content)]
                if let type = item.contentType { o["content_type"] = .string(type) }
            case (nil, let url?):
                guard item.contentType == nil else {
                    throw APIError.badRequest("invalid_input", "items[\(i)].content_type: only with content; a fetched page's type is the one its server sends")
                }
                o = ["url": .string(url)]
            default:
                throw APIError.badRequest("invalid_input", "items[\(i)]: expected content (an inline document) or url, not both")
            }
            if let source = item.source { o["source"] = .string(source) }
            if let metadata = try item.metadata.map(JSONValue.init(container:)) ?? shared { o["metadata"] = metadata }
            items.append(.object(o))
        }
        // `urls`: pages to fetch, after the items, with the request's metadata
        for (j, url) in (body.urls ?? []).enumerated() {
            guard let parsed = URL(string: url) else { throw APIError.badRequest("invalid_input", "urls[\(j)]: expected a URL") }
            do { _ = try FetchTarget(parsed) } catch { throw APIError.badRequest("invalid_input", "urls[\(j)]: \(error.message)") }
            var o: [String: JSONValue] = ["url": .string(url)]
            if let shared { o["metadata"] = shared }
            items.append(.object(o))
        }
        let namespace = body.namespace ?? "default"
        let jobInput: JSONValue
        do { jobInput = try IngestProgram.input(namespace: namespace, items: items) } catch {
            throw APIError.badRequest("invalid_input", error.message)
        }
        return .accepted(.init(body: .json(Self.wire(try startIngestJob(jobInput, identity: identity)))))
    }

    func getKnowledgeJob(_ input: Operations.GetKnowledgeJob.Input) async throws -> Operations.GetKnowledgeJob.Output {
        let identity = try RequestIdentity.require()
        let id = RunID(input.path.jobId)
        guard let run = try await env.runtime.loadRun(id, tenant: identity.tenant), run.agent == IngestProgram.programName else {
            throw APIError(.notFound, code: "unknown_job", "ingestion job \(input.path.jobId) not found")
        }
        let journal = try await env.bounded { try await env.deps.runs.loadJournal(id, tenant: identity.tenant) }
        return .ok(.init(body: .json(Self.wire(IngestJobReport(run: run, journal: journal)))))
    }

    func queryKnowledge(_ input: Operations.QueryKnowledge.Input) async throws -> Operations.QueryKnowledge.Output {
        let identity = try RequestIdentity.require()
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_body", "expected a JSON body with query") }
        let query = body.query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty, query.count <= 4_000 else { throw APIError.badRequest("invalid_input", "query: expected 1 to 4000 characters") }
        let topK = body.topK ?? 5
        guard (1...50).contains(topK) else { throw APIError.badRequest("invalid_input", "top_k: expected 1 to 50") }
        let filters = try body.filters.map(JSONValue.init(container:))
        let namespace = body.namespace ?? "default"
        let found: KnowledgeResults
        do {
            found = try await knowledgeSearch().retrieve(query, namespace: namespace, tenant: identity.tenant, topK: topK, filters: filters)
        } catch let error as KnowledgeFilterError {
            throw APIError.badRequest("invalid_input", error.message)
        }
        let results = try found.hits.map { hit in
            Components.Schemas.KnowledgeResult(text: hit.chunk.text, score: hit.score, rank: hit.rank, source: hit.chunk.source,
                                               headingPath: hit.chunk.headingPath, position: hit.chunk.position, documentId: hit.chunk.documentID,
                                               metadata: try OpenAPIObjectContainer.object(hit.chunk.metadata))
        }
        return .ok(.init(body: .json(.init(query: query, namespace: namespace, retrieval: found.retrieval == .hybrid ? .hybrid : .lexical,
                                           results: results, chunksWithoutVectors: found.chunksWithoutVectors, reranker: found.reranker,
                                           note: found.note))))
    }

    func listKnowledgeBases(_ input: Operations.ListKnowledgeBases.Input) async throws -> Operations.ListKnowledgeBases.Output {
        let identity = try RequestIdentity.require()
        let bases = try await knowledgeStore().namespaces(tenant: identity.tenant)
        return .ok(.init(body: .json(.init(namespaces: bases.map { .init(name: $0.name, documents: $0.documents, chunks: $0.chunks) }))))
    }

    func listKnowledgeDocuments(_ input: Operations.ListKnowledgeDocuments.Input) async throws -> Operations.ListKnowledgeDocuments.Output {
        let identity = try RequestIdentity.require()
        let limit = input.query.limit ?? 100
        guard (1...1_000).contains(limit) else { throw APIError.badRequest("invalid_input", "limit: expected 1 to 1000") }
        let docs = try await knowledgeStore().documents(tenant: identity.tenant, namespace: input.path.namespace, limit: limit)
        guard !docs.isEmpty else { throw Self.unknownNamespace(input.path.namespace) }
        return .ok(.init(body: .json(.init(documents: try docs.map { d in
            .init(id: d.id, source: d.source, title: d.title, contentHash: d.contentHash, chunks: d.chunkCount,
                  metadata: try OpenAPIObjectContainer.object(d.metadata), createdAt: d.createdAt, updatedAt: d.updatedAt)
        }))))
    }

    func deleteKnowledgeBase(_ input: Operations.DeleteKnowledgeBase.Input) async throws -> Operations.DeleteKnowledgeBase.Output {
        let identity = try Self.requireKnowledgeEditor()
        let deleted = try await knowledgeStore().deleteNamespace(input.path.namespace, tenant: identity.tenant)
        guard deleted > 0 else { throw Self.unknownNamespace(input.path.namespace) }
        return .ok(.init(body: .json(.init(deletedDocuments: deleted))))
    }

    func deleteKnowledgeDocument(_ input: Operations.DeleteKnowledgeDocument.Input) async throws -> Operations.DeleteKnowledgeDocument.Output {
        let identity = try Self.requireKnowledgeEditor()
        let store = try knowledgeStore()
        guard try await store.loadDocument(input.path.documentId, tenant: identity.tenant)?.namespace == input.path.namespace,
              try await store.deleteDocument(input.path.documentId, tenant: identity.tenant) else {
            throw APIError(.notFound, code: "unknown_document", "document \(input.path.documentId) not found in \(input.path.namespace)")
        }
        return .ok(.init(body: .json(.init(deleted: true))))
    }

    // MARK: - Support

    private func knowledgeStore() throws(APIError) -> any KnowledgeStore {
        guard let store = env.deps.knowledge else { throw APIError.unavailable("knowledge_unavailable", "this server has no knowledge store") }
        return store
    }

    /// The server's search (hybrid when it has an embedding model), or a lexical one over its store.
    private func knowledgeSearch() throws(APIError) -> KnowledgeSearch {
        if let search = env.deps.knowledgeSearch { return search }
        return KnowledgeSearch(store: try knowledgeStore())
    }

    static func requireKnowledgeEditor() throws(APIError) -> Identity {
        let identity = try RequestIdentity.require()
        guard [.admin, .developer, .service].contains(identity.role) else {
            throw APIError.forbidden("ingesting and deleting knowledge is for the roles admin, developer and service")
        }
        return identity
    }

    private static func unknownNamespace(_ name: String) -> APIError {
        APIError(.notFound, code: "unknown_namespace", "knowledge base '\(name)' has no documents")
    }

    static func wire(_ job: IngestJobReport) -> Components.Schemas.KnowledgeJob {
        let c = job.counts
        return .init(jobId: job.jobID, status: .init(rawValue: job.status.rawValue) ?? .running, namespace: job.namespace,
                     createdAt: job.createdAt, updatedAt: job.updatedAt, totalItems: job.totalItems, doneItems: job.items.count,
                     counts: .init(created: c["created"] ?? 0, replaced: c["replaced"] ?? 0, skipped: c["skipped"] ?? 0, failed: c["failed"] ?? 0,
                                   chunks: c["chunks"] ?? 0),
                     items: job.items.map { .init(index: $0.index, source: $0.result.source, status: .init(rawValue: $0.result.status.rawValue) ?? .failed,
                                                  chunks: $0.result.chunks, error: $0.result.error) },
                     error: job.error,
                     embeddings: job.embeddings.map { e in
                         .init(status: .init(rawValue: e.status.rawValue) ?? .running, model: e.model, embedded: e.embedded, remaining: e.remaining,
                               error: e.error, note: e.status == .off ? "no embedding model is configured: retrieval is lexical only" : nil)
                     })
    }
}
