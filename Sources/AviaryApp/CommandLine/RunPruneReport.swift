import AviaryStorage
import Foundation

extension RunReport {
    /// `aviary runs prune --older-than AGE`: deletes the events and journals of the runs that
    /// ended `completed` or `cancelled` more than `AGE` ago (every tenant, or `tenant`), keeping
    /// the runs themselves with their outcome and totals. Returns the line to print.
    public static func prune(_ configuration: AviaryConfiguration, olderThan age: String, tenant: String?) async throws -> String {
        let cutoff = Date().addingTimeInterval(-(try AgeOption.seconds(age, option: "--older-than")))
        let pruned = try await AviaryApplication.withStore(configuration) { try await $0.pruneRuns(endedBefore: cutoff, tenant: tenant) }
        let scope = tenant.map { "tenant '\($0)'" } ?? "every tenant"
        return "pruned \(pruned.events) events and \(pruned.journalEntries) journal entries of runs that ended before "
            + "\(cutoff.formatted(Date.ISO8601FormatStyle())) (\(scope)); the runs keep their outcome and totals"
    }
}
