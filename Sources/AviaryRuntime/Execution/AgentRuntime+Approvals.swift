import AviaryCore
import Foundation

extension AgentRuntime {
    /// The tenant's runs waiting for a person (a tool call's approval, or an input), newest first,
    /// each with its request. `runID` narrows to that run and its child runs; `agent` and `tool` filter.
    public func pendingApprovals(tenant: String, runID: RunID? = nil, agent: String? = nil, tool: String? = nil,
                                 limit: Int = 100) async throws -> [PendingApproval] {
        // with a run: the run and its delegated child runs, whose approvals the run waits for
        let runs = try await self.runs.listRuns(RunQuery(tenant: tenant, status: .waiting, family: runID, limit: limit))
        var pending: [PendingApproval] = []
        for run in runs where agent == nil || run.agent == agent {
            for entry in try await self.runs.loadJournal(run.id, tenant: tenant) where entry.state == .waiting {
                guard let request = entry.output?["request"].flatMap(ApprovalRequest.init(json:)),
                      tool == nil || request.tool == tool else { continue }
                pending.append(PendingApproval(run: run, stepKey: entry.key, request: request))
            }
        }
        return pending
    }

    /// Answers every approval request whose expiry passed (by this runtime's clock) as `expired`,
    /// by the same claim and compare-and-set as a person's answer, and returns the runs answered;
    /// the caller resumes them (``resumeAnswered(_:tenant:)``), which then reject the call or fail (the rule's
    /// `on_expiry`). Reads only runs with a request due (up to `limit`, the earliest expiry first),
    /// however many runs wait without an expiry.
    public func expireApprovals(limit: Int = 100) async throws -> [RunRecord] {
        let now = leasing.now
        var expired: [RunRecord] = []
        for run in try await runs.expiredWaitingRuns(now: now, limit: limit) {
            for entry in try await runs.loadJournal(run.id, tenant: run.tenant) where entry.state == .waiting {
                guard let request = entry.output?["request"].flatMap(ApprovalRequest.init(json:)),
                      let deadline = request.expiresAt, deadline <= now,
                      case .claimed = try await runs.claimRun(run.id, tenant: run.tenant, lease: leasing.lease(), now: now)
                else { continue }
                let waited = Int(deadline.timeIntervalSince(request.requestedAt))
                let answer = ApprovalAnswer(decision: .expired, by: "system", reason: "no decision within \(waited)s", answeredAt: now,
                                            value: request.onExpiry == .defaultAnswer ? request.defaultAnswer : nil)
                if try await runs.answerStep(run.id, tenant: run.tenant, key: entry.key, output: request.journalOutput(answer: answer), at: now) {
                    expired.append(run)
                }
            }
        }
        return expired
    }

    /// The top-level run a run belongs to (itself, or the parent of its delegations): what to
    /// resume after answering a child run's approval, so the parent goes on too.
    public func topLevelRun(of id: RunID, tenant: String) async throws -> RunID {
        var current = id
        for _ in 0..<64 {
            guard let parent = try await runs.loadRun(current, tenant: tenant)?.parentRunID else { return current }
            current = parent
        }
        return current
    }

    /// Resumes the run an answer was recorded for: its top-level run, which resumes the run itself
    /// when it is a delegated child.
    public func resumeAnswered(_ id: RunID, tenant: String) async throws -> RunRecord {
        try await resume(try await topLevelRun(of: id, tenant: tenant), tenant: tenant)
    }

    /// Records a person's answer to a run's pending request and returns the request answered;
    /// the caller then resumes it (``resumeAnswered(_:tenant:)``), which runs the approved
    /// call or tells the model it was rejected. An input request takes `value` with an approval,
    /// checked against its answer schema; an approval takes none.
    ///
    /// The run is claimed for this process first, so the answer and the execution after it happen
    /// in one place; the answer is stored by compare-and-set, so of two answers exactly one wins
    /// and the other gets a conflict naming the first. A process that dies after the answer leaves
    /// the run `running` under a lease nobody renews: a live server resumes it, and the approved
    /// call still runs at most once (a non-idempotent call caught mid-way needs attention).
    public func answerApproval(_ id: RunID, tenant: String, principal: String, role: Role, decision: ApprovalAnswer.Decision,
                               reason: String?, value: JSONValue? = nil, step: String? = nil) async throws -> PendingApproval {
        guard let run = try await runs.loadRun(id, tenant: tenant) else { throw RuntimeError(.runNotFound, "run \(id) not found") }
        guard run.status == .waiting else {
            throw RuntimeError(.notWaiting, "run \(id) is \(run.status.rawValue), not waiting for an approval")
        }
        let all = try await pendingApprovals(tenant: tenant, runID: id)
        guard !all.isEmpty else { throw RuntimeError(.notWaiting, "run \(id) has no pending approval") }
        let steps = all.map { "\($0.stepKey) (\($0.request.summary))" }.joined(separator: "; ")
        let chosen = step.map { step in all.filter { $0.stepKey == step } } ?? all
        guard let pending = chosen.first else {
            throw RuntimeError(.invalidAnswer, "run \(id) waits for no request at step '\(step ?? "")'; it waits for: \(steps)")
        }
        guard chosen.count == 1 else {
            throw RuntimeError(.invalidAnswer, """
                run \(id) waits for \(chosen.count) requests at once; name the one you decide with its step: \(steps)\
                \(step == nil ? "" : " (several runs of the family wait at that step: decide through the waiting child run's id)")
                """)
        }
        let allowed = pending.request.allows(principal: principal, role: role, owner: run.principal)
        guard allowed else {
            throw RuntimeError(.notAllowed, """
                \(pending.request.subject) in run \(id) may be decided by \
                \(pending.request.approvers.map(\.description).joined(separator: ", ")); you are \(principal) (\(role.rawValue))
                """)
        }
        if let problem = pending.request.problem(with: decision, value: value) {
            throw RuntimeError(.invalidAnswer, "run \(id), step \(pending.stepKey): \(problem)")
        }
        switch try await runs.claimRun(id, tenant: tenant, lease: leasing.lease(), now: leasing.now) {
        case .absent: throw RuntimeError(.runNotFound, "run \(id) not found")
        case .ended(let ended): throw RuntimeError(.notWaiting, "run \(id) is \(ended.status.rawValue), not waiting for an approval")
        case .held(let held): throw Self.heldElsewhere(held)
        case .claimed: break
        }
        let answer = ApprovalAnswer(decision: decision, by: principal, reason: reason, answeredAt: leasing.now, value: value)
        // the step is the waiting run's: this run's own, or a child run's it waits for
        let waiting = pending.run.id
        guard try await runs.answerStep(waiting, tenant: tenant, key: pending.stepKey, output: pending.request.journalOutput(answer: answer),
                                        at: answer.answeredAt) else {
            let first = try await runs.loadJournal(waiting, tenant: tenant).first { $0.key == pending.stepKey }?.output?["answer"]
                .flatMap(ApprovalAnswer.init(json:))
            throw RuntimeError(.notWaiting, """
                \(pending.request.subject) in run \(id) was already answered\
                \(first.map { ": \($0.decision.rawValue) by \($0.by)" } ?? "")
                """)
        }
        return pending
    }
}
