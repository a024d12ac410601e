import AviaryCore

extension RunContext {
    /// Runs (or, on a resume, finds again) a child run of the program or agent named `program`:
    /// its id derives from this run's id and `key` (``RunID/child(_:)``), it has its own journal
    /// and is linked to this run (``RunRecord/parentRunID``). Returns the child's record once it
    /// has completed or failed; a child that stops to wait for a person, needs attention, is
    /// interrupted or cancelled stops this run the same way (an answer resumes this run, which
    /// resumes the child).
    ///
    /// Child runs count against the nesting limit (`limits.max_delegation_depth`) and the tenant's
    /// executing runs (`limits`'s admission), which refuse with an error.
    public func child(_ key: String, program: String, input: JSONValue) async throws -> RunRecord {
        try control.checkpoint()
        try await journal.writeHeld() // what this run did before is durable before the child starts
        let record = try await runtime.childRun(ChildRunRequest(parent: runID, key: key, tenant: tenant, principal: principal,
                                                                sessionID: sessionID, parentResumed: isResumed, chain: chain,
                                                                program: program, input: input))
        if let stop = ChildRunRequest.stop(for: record, program: program) { throw stop }
        return record
    }
}
