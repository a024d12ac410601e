/// Incremental output of a streaming model call.
public enum ModelStreamEvent: Sendable, Hashable {
    /// A piece of assistant text.
    case textDelta(String)
    /// A piece of a tool call (index identifies the call; id and name arrive first).
    case toolCallDelta(index: Int, id: String?, name: String?, argumentsDelta: String)
    /// The stream's end, with the assembled response.
    case completed(ModelResponse)
}
