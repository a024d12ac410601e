import AviaryCore
import AviaryRuntime
import AviaryStorage
import Foundation

/// What `aviary runs list|show` print: the text the CLI shows, or the HTTP API's run objects as
/// JSON (``RunJSON``).
public enum RunReport {
    /// `aviary runs list`: the tenant's newest runs, one line each (JSON Lines with `json`).
    public static func list(_ configuration: AviaryConfiguration, limit: Int, json: Bool) async throws -> [String] {
        let runs = try await AviaryApplication.withStore(configuration) { try await $0.listRuns(tenant: configuration.tenant, limit: limit) }
        if json { return runs.map(RunJSON.line) }
        if runs.isEmpty { return ["no runs yet"] }
        let dates = ISO8601DateFormatter()
        return runs.map { r in
            let when = dates.string(from: r.createdAt)
            let parent = r.parentRunID.map { " (child of \($0))" } ?? ""
            return "\(r.id)  \(r.status.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0))  \(r.agent)  \(when)\(parent)"
        }
    }

    /// `aviary runs show`: the run, its journal and (with `events`) its events; with `json` the
    /// run's API object alone. Throws when the tenant has no such run.
    public static func show(_ configuration: AviaryConfiguration, id: String, events: Bool, json: Bool) async throws -> [String] {
        let id = RunID(id), tenant = configuration.tenant
        return try await AviaryApplication.withStore(configuration) { store in
            guard let run = try await store.loadRun(id, tenant: tenant) else { throw ConfigurationError("run \(id) not found") }
            if json { return [RunJSON.line(run)] }
            var lines = ["run      \(run.id)", "agent    \(run.agent)", "status   \(run.status.rawValue)"]
            if let p = run.parentRunID { lines.append("parent   \(p)") }
            if let s = run.sessionID { lines.append("session  \(s)") }
            lines.append("input    \(run.input.jsonString)")
            if let o = run.output { lines.append("output   \(o.stringValue ?? o.jsonString)") }
            if let e = run.error { lines.append("error    \(e)") }
            lines.append("usage    \(run.usage.inputTokens) in / \(run.usage.outputTokens) out tokens, \(run.usage.requests) model calls, $\(String(format: "%.6f", run.usage.costUSD))")
            lines.append("journal:")
            for step in try await store.loadJournal(id, tenant: tenant).sorted(by: { $0.updatedAt < $1.updatedAt }) {
                lines.append("  \(step.state.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(step.key)")
            }
            if events {
                lines.append("events:")
                for e in try await store.loadEvents(id, tenant: tenant) { lines.append("  #\(e.sequence) \(e.kind.rawValue) \(e.data.jsonString)") }
            }
            return lines
        }
    }
}
