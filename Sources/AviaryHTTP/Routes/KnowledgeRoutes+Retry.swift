import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import Foundation
import HTTPTypes

/// `POST /knowledge-bases/jobs/{job_id}/retry`: a new job with a finished job's failed items.
extension SpecRoutes {
    func retryKnowledgeJob(_ input: Operations.RetryKnowledgeJob.Input) async throws -> Operations.RetryKnowledgeJob.Output {
        let identity = try Self.requireKnowledgeEditor()
        let id = RunID(input.path.jobId)
        guard let run = try await env.runtime.loadRun(id, tenant: identity.tenant), run.agent == IngestProgram.programName else {
            throw APIError(.notFound, code: "unknown_job", "ingestion job \(input.path.jobId) not found")
        }
        let journal = try await env.bounded { try await env.deps.runs.loadJournal(id, tenant: identity.tenant) }
        let report = IngestJobReport(run: run, journal: journal)
        guard report.status == .completed || report.status == .failed else {
            throw APIError(.conflict, code: "job_running", "ingestion job \(input.path.jobId) is still \(report.status.rawValue); retry it once it has finished")
        }
        let all = run.input["items"]?.arrayValue ?? []
        let failed = report.items.filter { $0.result.status == .failed }.map(\.index).filter(all.indices.contains)
        guard !failed.isEmpty else {
            throw APIError(.conflict, code: "nothing_to_retry", "ingestion job \(input.path.jobId) has no failed items")
        }
        let jobInput: JSONValue
        do { jobInput = try IngestProgram.input(namespace: report.namespace, items: failed.map { all[$0] }) } catch {
            throw APIError.badRequest("invalid_input", error.message)
        }
        return .accepted(.init(body: .json(Self.wire(try startIngestJob(jobInput, identity: identity)))))
    }

    /// Submits an ingestion job through the tenant's run gateway and returns it as pending.
    func startIngestJob(_ jobInput: JSONValue, identity: Identity) throws -> IngestJobReport {
        guard env.runtime.registeredProgram(named: IngestProgram.programName) != nil else {
            throw APIError.unavailable("knowledge_unavailable", "this server does not run ingestion jobs")
        }
        var request = RunRequest(agent: IngestProgram.programName, input: jobInput, tenant: identity.tenant, principal: identity.principal)
        let id = RunID.random()
        request.runID = id
        let runtime = env.runtime, started = request
        _ = try env.gateway.submit(tenant: identity.tenant) { try await runtime.run(started) }
        let now = Date()
        return IngestJobReport(run: RunRecord(id: id, tenant: identity.tenant, principal: identity.principal, agent: IngestProgram.programName,
                                              input: jobInput, status: .pending, createdAt: now, updatedAt: now), journal: [])
    }
}
