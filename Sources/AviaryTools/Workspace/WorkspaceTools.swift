import AviaryCore

/// The native file tools scoped to a session workspace: `find`, `grep`, `read`, `write`, `edit`.
public enum WorkspaceTools {
    /// One instance of each workspace tool; `limits` sets the file size limit of every tool and the
    /// workspace quotas of the writing ones and the search time of `find` and `grep` (default: ``WorkspaceLimits``' defaults).
    public static func all(limits: WorkspaceLimits = WorkspaceLimits()) -> [any Tool] {
        [FindTool(timeLimit: limits.searchTimeLimit), GrepTool(maxFileBytes: limits.maxFileBytes, timeLimit: limits.searchTimeLimit), ReadTool(maxFileBytes: limits.maxFileBytes),
         WriteTool(limits: limits), EditTool(limits: limits)]
    }
}
