import AsyncHTTPClient
@testable import AviaryApp
import AviaryStorage
import AviaryTestSupport
import Foundation
import Testing

/// `performance:` in aviary.yaml and `AVIARY_COALESCE_*` turn the low-level optimisations off;
/// bad values are refused by name.
@Suite("Configuration: performance switches")
struct PerformanceSettingsTests {
    @Test func everyOptimisationIsOnByDefault() async throws {
        try await withTemporaryDirectory { dir in
            let config = try ConfigurationLoader(environment: [:]).load(project: dir)
            #expect(config.performance == PerformanceSettings(coalescesWALWrites: true, coalescesRequestWrites: true))
            #expect(config.storage.coalescesWALWrites)
        }
    }

    @Test func theFileTurnsThemOffAndTheEnvironmentWins() async throws {
        try await withTemporaryDirectory { dir in
            try "performance: {coalesce_wal_writes: false, coalesce_request_writes: false}\n"
                .write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            let fromFile = try ConfigurationLoader(environment: [:]).load(project: dir)
            #expect(fromFile.performance == PerformanceSettings(coalescesWALWrites: false, coalescesRequestWrites: false))
            #expect(!fromFile.storage.coalescesWALWrites)
            let env = ["AVIARY_COALESCE_WAL_WRITES": "1", "AVIARY_COALESCE_REQUEST_WRITES": "true"]
            #expect(try ConfigurationLoader(environment: env).load(project: dir).performance == PerformanceSettings())
        }
    }

    @Test func badValuesAreRefusedByName() async throws {
        try await withTemporaryDirectory { dir in
            let env = ["AVIARY_COALESCE_WAL_WRITES": "maybe"]
            let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: env).load(project: dir) }
            #expect(error?.description.contains("AVIARY_COALESCE_WAL_WRITES") == true)
            try "performance: {coalesce_wal_writes: \"no\"}\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            let typed = #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(project: dir) }
            #expect(typed?.description.contains("performance.coalesce_wal_writes") == true)
            try "performance: {coalesce_everything: false}\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            let unknown = #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(project: dir) }
            #expect(unknown?.description.contains("performance.coalesce_everything") == true)
        }
    }

    @Test func theProviderClientLeavesConnectionsAloneWhenTold() {
        #expect(ProviderHTTPConfiguration.make().http1_1ConnectionDebugInitializer != nil)
        #expect(ProviderHTTPConfiguration.make(coalescesWrites: false).http1_1ConnectionDebugInitializer == nil)
    }
}
