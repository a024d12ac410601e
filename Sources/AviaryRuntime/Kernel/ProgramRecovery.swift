import AviaryCore

/// Finds the program of a run whose name is no longer registered, from the run's name, input and
/// journal — a workflow whose file was removed or renamed while a run of it waited resumes with
/// the definition it recorded. `nil`: the run cannot execute (an unknown-agent error).
public typealias ProgramRecovery = @Sendable (_ name: String, _ input: JSONValue, _ journal: [JournalEntry]) -> (any RunProgram)?
