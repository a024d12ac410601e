import AviaryCore
import Foundation

/// What an ingestion job has done so far, read from its run and journal: seed 000's job status
/// (`pending → running → completed | failed`), the finished items in item order and the counts.
public struct IngestJobReport: Sendable {
    /// Seed 000's job states.
    public enum Status: String, Sendable {
        /// Accepted, not started.
        case pending
        /// Ingesting (or interrupted, to be resumed).
        case running
        /// Every item has its result (some may have failed).
        case completed
        /// The job itself failed.
        case failed
    }

    /// The job's id (its run's).
    public var jobID: String
    /// Where it is.
    public var status: Status
    /// The namespace it ingests into.
    public var namespace: String
    /// How many items it has.
    public var totalItems: Int
    /// The finished items, with their index.
    public var items: [(index: Int, result: IngestItemResult)]
    /// Where the job's vectors are (nil when the job records none: it has no embedding model, or predates them).
    public var embeddings: EmbeddingProgress?
    /// Why the job failed as a whole.
    public var error: String?
    /// When it was created and last changed.
    public var createdAt: Date, updatedAt: Date

    /// Reads a job from its run and journal.
    public init(run: RunRecord, journal: [JournalEntry]) {
        jobID = run.id.rawValue
        namespace = run.input["namespace"]?.stringValue ?? ""
        totalItems = run.input["items"]?.arrayValue?.count ?? 0
        items = journal.filter { $0.key.hasPrefix("item/") && $0.state == .completed }
            .compactMap { entry in
                guard let index = Int(entry.key.dropFirst(5)), let result = entry.output.flatMap(IngestItemResult.init(json:)) else { return nil }
                return (index, result)
            }
            .sorted { $0.index < $1.index }
        if items.isEmpty, let recorded = run.output?["items"]?.arrayValue {
            // a finished job whose journal was pruned (retention): its output still has the results
            items = recorded.enumerated().compactMap { i, value in IngestItemResult(json: value).map { (i, $0) } }
        }
        embeddings = run.output?["embeddings"].flatMap(EmbeddingProgress.init(json:)) ?? Self.embeddingProgress(journal)
        switch run.status {
        case .pending: status = journal.isEmpty ? .pending : .running
        case .completed: status = .completed
        case .failed, .cancelled, .needsAttention: status = .failed
        default: status = .running
        }
        error = status == .failed ? (run.error ?? "the job \(run.status.rawValue)") : nil
        createdAt = run.createdAt
        updatedAt = run.updatedAt
    }

    /// The vectors stored so far by a running job's `embed/<n>` steps (nil before the first).
    public static func embeddingProgress(_ journal: [JournalEntry]) -> EmbeddingProgress? {
        let steps = journal.filter { $0.key.hasPrefix("embed/") && $0.state == .completed }
        guard !steps.isEmpty else { return nil }
        var progress = EmbeddingProgress(status: .running)
        for step in steps {
            progress.embedded += step.output?["embedded"]?.intValue ?? 0
            if let error = step.output?["error"]?.stringValue { progress.status = .failed; progress.error = error }
        }
        return progress
    }

    /// The counts of the finished items: created, replaced, skipped, failed, and chunks written.
    public var counts: [String: Int] {
        var c = ["created": 0, "replaced": 0, "skipped": 0, "failed": 0, "chunks": 0]
        for (_, r) in items {
            c[r.status.rawValue, default: 0] += 1
            c["chunks", default: 0] += r.chunks
        }
        return c
    }
}
