import AviaryCore

/// A registered program agents can call as a tool: an agent whose `tools:` names it gets a tool
/// that runs the program as a child run (its own journal, linked to the agent's run) with the
/// call's arguments as input. A workflow is one.
public protocol ToolProgram: RunProgram {
    /// What the model sees: the name (the program's), a description and the arguments' schema.
    var toolSpec: ToolSpec { get }
    /// The child run's input for a call's arguments (the model's choice: the program must not
    /// read anything but its input from them).
    func input(fromArguments arguments: JSONValue) -> JSONValue
    /// The tool's result, made from the child run's output.
    func toolOutput(of output: JSONValue) -> JSONValue
}
