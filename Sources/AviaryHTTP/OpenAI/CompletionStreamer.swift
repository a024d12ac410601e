import AviaryCore
import AviaryRuntime

/// Writes a streaming chat completion: a role chunk, one content chunk per `model.delta` of the
/// run, keep-alive comments while tools work, then the finish chunk, the usage chunk when asked,
/// and `data: [DONE]`. A run that stops to wait for a person ends like an answer whose text says
/// what awaits a decision (as the non-streaming facade does); a run that fails ends with an
/// OpenAI-style `{"error":…}` frame.
struct CompletionStreamer: Sendable {
    let runID: RunID
    let completion: OpenAICompletion
    let feed: RunEventFeed
    let ticket: RunTicket<RunRecord>
    let includeUsage: Bool
    let heartbeat: Duration
    let timeout: Duration
    /// The assistant's text for a run that waits for a person.
    let waitingText: @Sendable () async throws -> String

    private let started = ContinuousClock.now

    private func deadlineRemaining() -> Duration { timeout - (ContinuousClock.now - started) }

    func stream(send: (String) async throws -> Void) async throws {
        defer { feed.cancel() }
        try await send(OpenAICompletion.frame(completion.chunk(delta: ["role": "assistant", "content": "", "refusal": .null],
                                                               includeUsageField: includeUsage)))
        var sentText = false
        try await withThrowingTaskGroup(of: Void.self) { group in
            let feed = self.feed
            let interval = min(heartbeat, .seconds(1))
            group.addTask {
                while true {
                    try await Task.sleep(for: interval)
                    feed.tick()
                }
            }
            defer { group.cancelAll() }
            var lastWrite = ContinuousClock.now
            let deadline = ContinuousClock.now + timeout
            loop: for await item in feed.items {
                switch item {
                case .event(let event):
                    guard event.runID == runID else { continue }
                    if event.kind == .modelDelta, let delta = try? event.payload(as: ModelDeltaEvent.self), !delta.text.isEmpty {
                        try await send(OpenAICompletion.frame(completion.chunk(delta: ["content": .string(delta.text)], includeUsageField: includeUsage)))
                        lastWrite = ContinuousClock.now
                        sentText = true
                    }
                    if event.endsExecution { break loop }
                case .tick:
                    // A tick read after the run completed may have been queued before its last events: the
                    // run delivers every event before it completes, so end the feed and read what it holds.
                    if ticket.isCompleted { feed.cancel(); continue }
                    if ContinuousClock.now >= deadline { break loop }
                    if ContinuousClock.now - lastWrite >= heartbeat {
                        try await send(ServerSentEvent.comment("keep-alive"))
                        lastWrite = ContinuousClock.now
                    }
                }
            }
        }
        let record: RunRecord?
        do { record = try await ticket.value(timeout: max(.zero, deadlineRemaining())) } catch { record = nil }
        if let record, record.status == .completed || record.status == .waiting {
            let answer = record.status == .waiting ? (sentText ? "\n\n" : "") + (try await waitingText()) : record.output?.stringValue
            if record.status == .waiting || !sentText, let text = answer, !text.isEmpty {
                // The model answered without streaming text (or its deltas were not seen): send the answer whole.
                try await send(OpenAICompletion.frame(completion.chunk(delta: ["content": .string(text)], includeUsageField: includeUsage)))
            }
            try await send(OpenAICompletion.frame(completion.chunk(delta: [:], finishReason: "stop", includeUsageField: includeUsage)))
            if includeUsage { try await send(OpenAICompletion.frame(completion.usageChunk(record.usage))) }
        } else {
            let message = record.map { "run \(runID) \($0.status.rawValue): \($0.error ?? "")" } ?? "run \(runID) did not finish in time; it continues"
            try await send(OpenAICompletion.frame(["error": ["message": .string(message), "type": "run_failed", "param": .null,
                                                             "code": .string(record?.status.rawValue ?? "timeout")]]))
        }
        try await send("data: [DONE]\n\n")
    }
}
