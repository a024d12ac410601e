import AviaryCore

/// The native file tools scoped to a session workspace: `find`, `grep`, `read`, `write`, `edit`.
public enum WorkspaceTools {
    /// One instance of each workspace tool with default limits.
    public static func all() -> [any Tool] {
        [FindTool(), GrepTool(), ReadTool(), WriteTool(), EditTool()]
    }
}
