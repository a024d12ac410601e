import AviaryCore
import Foundation

extension ToolContext {
    /// The session workspace (created on first use, readable by the owner only: 0700), or a tool
    /// error explaining that the tool needs one.
    func requireWorkspace() throws(ToolError) -> URL {
        guard let workspace else { throw ToolError.failed("this tool needs a session workspace") }
        if !FileManager.default.fileExists(atPath: workspace.path) {
            do {
                try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw ToolError.failed("cannot create the session workspace: \(error.localizedDescription)")
            }
        }
        return workspace
    }
}
