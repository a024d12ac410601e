import AviaryCore
import AviaryRuntime
import Tracing

/// Starts run work for a request: takes a tenant run slot, hands the work to the
/// ``RunSupervisor`` (so it survives the request) and waits for it up to the run timeout.
struct RunGateway: Sendable {
    let supervisor: RunSupervisor
    let admission: RunAdmission
    let timeout: Duration

    /// Submits work holding a slot of `tenant`; the slot is released when the work ends. The
    /// request's trace context goes with the work, so run spans nest under the request span.
    func submit<T: Sendable>(tenant: String, _ work: @escaping @Sendable () async throws -> T) throws -> RunTicket<T> {
        guard admission.tryAcquire(tenant: tenant) else {
            throw APIError.tooManyRequests("too_many_runs", "this tenant already has \(admission.limit) runs executing; retry when one finishes",
                                           retryAfter: 1)
        }
        do {
            let admission = self.admission
            let context = ServiceContext.current
            return try supervisor.submit {
                defer { admission.release(tenant: tenant) }
                return try await ServiceContext.withValue(context) { try await work() }
            }
        } catch {
            admission.release(tenant: tenant)
            throw error
        }
    }

    /// Submits work and waits for its result; 504 (naming the run, which goes on) on timeout.
    func execute<T: Sendable>(tenant: String, runID: RunID, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let ticket = try submit(tenant: tenant, work)
        guard let value = try await ticket.value(timeout: timeout) else {
            throw APIError.timeout("run \(runID) did not finish within \(timeout); it continues: follow GET /api/v1/runs/\(runID)/events")
        }
        return value
    }
}
