import AviaryCore
@testable import AviaryTools
import Foundation
import Testing

/// A session workspace holds one user's files: it is created readable by its owner only.
@Suite struct WorkspacePermissionsTests {
    @Test func aNewWorkspaceIsTheOwnersOnly() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            let workspace = dir.appendingPathComponent("sessions/ses_1/workspace", isDirectory: true)
            _ = try await TestSupport.run(WriteTool(), ["path": "notes/a.txt", "content": "private"], workspace: workspace)
            let mode = try FileManager.default.attributesOfItem(atPath: workspace.path)[.posixPermissions] as? Int
            #expect(mode == 0o700)
            #expect(TestSupport.read("notes/a.txt", in: workspace) == "private")
        }
    }
}
