import AviaryCore
import Foundation

extension ToolContext {
    /// The session workspace, or a tool error explaining that the tool needs one.
    func requireWorkspace() throws(ToolError) -> URL {
        guard let workspace else { throw ToolError.failed("this tool needs a session workspace") }
        return workspace
    }
}
