@testable import AviaryApp
import AviaryCore
import AviaryTestSupport
import AviaryTools
import Foundation
import Testing

/// `workspace:` in aviary.yaml sets the file tools' file size limit and workspace quotas.
@Suite("Configuration: workspace limits")
struct WorkspaceSettingsTests {
    @Test func defaultsAndTheFileSetThem() async throws {
        try await withTemporaryDirectory { dir in
            #expect(try ConfigurationLoader(environment: [:]).load(project: dir).workspace
                == WorkspaceLimits(maxFileBytes: 10_000_000, sessionMaxBytes: 100_000_000, sessionMaxFiles: 10_000,
                                   tenantMaxBytes: 1_000_000_000, tenantMaxFiles: 100_000))
            try """
                workspace: {max_file_bytes: 1000, session_max_bytes: 5000, session_max_files: 10, tenant_max_bytes: 20000, tenant_max_files: 50,
                            search_time_limit_seconds: 2.5}
                """.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            let config = try ConfigurationLoader(environment: [:]).load(project: dir)
            #expect(config.workspace == WorkspaceLimits(maxFileBytes: 1_000, sessionMaxBytes: 5_000, sessionMaxFiles: 10,
                                                        tenantMaxBytes: 20_000, tenantMaxFiles: 50, searchTimeLimit: .milliseconds(2500)))
            let tools = WorkspaceTools.all(limits: config.workspace)
            let write = try #require(tools.first { $0.name == "write" } as? WriteTool)
            #expect(write.limits == config.workspace)
            #expect((tools.first { $0.name == "grep" } as? GrepTool)?.timeLimit == .milliseconds(2500))
            #expect((tools.first { $0.name == "find" } as? FindTool)?.timeLimit == .milliseconds(2500))
        }
    }

    @Test func unknownKeysAndBadValuesAreRefusedByName() async throws {
        try await withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("aviary.yaml")
            try "workspace: {max_files: 3}\n".write(to: file, atomically: true, encoding: .utf8)
            let unknown = #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(project: dir) }
            #expect(unknown?.description.contains("workspace.max_files") == true)
            try "workspace: {session_max_bytes: 0}\n".write(to: file, atomically: true, encoding: .utf8)
            let zero = #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(project: dir) }
            #expect(zero?.description.contains("workspace.session_max_bytes") == true)
            for bad in ["tenant_max_bytes: 1.5", "tenant_max_files: 1e300", "search_time_limit_seconds: 0", "search_time_limit_seconds: 1e300",
                        "search_time_limit_seconds: soon"] {
                try "workspace: {\(bad)}\n".write(to: file, atomically: true, encoding: .utf8)
                let error = #expect(throws: ConfigurationError.self, "\(bad)") { try ConfigurationLoader(environment: [:]).load(project: dir) }
                #expect(error?.description.contains("workspace.") == true)
            }
        }
    }
}
