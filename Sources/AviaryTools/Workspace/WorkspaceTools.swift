import AviaryCore

/// The native file tools scoped to a session workspace: `find`, `grep`, `read`, `write`, `edit`.
public enum WorkspaceTools {
    /// One instance of each workspace tool; `limits` sets the file size limit of every tool and the
    /// workspace quotas of the writing ones (default: ``WorkspaceLimits``' defaults).
    public static func all(limits: WorkspaceLimits = WorkspaceLimits()) -> [any Tool] {
        [FindTool(), GrepTool(maxFileBytes: limits.maxFileBytes), ReadTool(maxFileBytes: limits.maxFileBytes),
         WriteTool(limits: limits), EditTool(limits: limits)]
    }
}
