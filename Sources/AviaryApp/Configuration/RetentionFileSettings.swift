import AviaryCore
import Foundation

/// `retention:` in `aviary.yaml` (``RetentionPolicy``): periods in ``AgeOption``'s syntax (`30d`,
/// `12h`) or `unlimited`.
enum RetentionFileSettings {
    /// The keys of `retention:`.
    static let keys: Set<String> = ["finished_runs", "tenants", "interval_seconds"]

    /// Applies `retention:` to `policy`; unknown keys and bad values fail with the key's name.
    static func apply(_ object: [String: JSONValue], to policy: inout RetentionPolicy) throws {
        try SettingsKeys.rejectUnknown(object, keys, "retention")
        if let period = try period(object["finished_runs"], "retention.finished_runs") { policy.finishedRuns = period }
        switch object["tenants"] {
        case nil, .some(.null): break
        case .some(.object(let tenants)):
            for (tenant, value) in tenants {
                guard !tenant.isEmpty else { throw ConfigurationError("aviary.yaml: retention.tenants: a tenant name is empty") }
                if let period = try period(value, "retention.tenants.\(tenant)") { policy.tenants[tenant] = period }
            }
        case .some(let other):
            throw ConfigurationError("aviary.yaml: retention.tenants: expected a mapping of tenant to period (like {acme: 7d}), got \(other.typeName)")
        }
        if let v = try SettingsKeys.seconds(object["interval_seconds"], "retention.interval_seconds", in: 1...31_536_000) { policy.interval = v }
    }

    /// A period at `key`: `unlimited` or an age like `30d`; `nil` when absent or null.
    private static func period(_ value: JSONValue?, _ key: String) throws -> RetentionPolicy.Period? {
        switch value {
        case nil, .some(.null): return nil
        case .some(.string(let text)) where text.trimmingCharacters(in: .whitespaces).lowercased() == "unlimited": return .unlimited
        case .some(.string(let text)): return .olderThan(try AgeOption.seconds(text, option: "aviary.yaml: \(key)"))
        case .some(let other):
            let got = other.numberValue != nil ? other.jsonString : other.typeName
            throw ConfigurationError("aviary.yaml: \(key): expected a period like 30d, 12h or unlimited, got \(got)")
        }
    }
}
