import AviaryCore
import Foundation

extension ToolContext {
    /// The session workspace (created on first use), or a tool error explaining that the tool needs one.
    func requireWorkspace() throws(ToolError) -> URL {
        guard let workspace else { throw ToolError.failed("this tool needs a session workspace") }
        if !FileManager.default.fileExists(atPath: workspace.path) {
            do { try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true) } catch {
                throw ToolError.failed("cannot create the session workspace: \(error.localizedDescription)")
            }
        }
        return workspace
    }
}
