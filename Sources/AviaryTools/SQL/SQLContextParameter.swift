import AviaryCore

/// A query parameter Aviary fills from the run rather than from the model: `:$principal`,
/// `:$tenant`, `:$user_id` (the session's user, the `userId` of `POST /chat`) and `:$session_id`.
/// They scope a query to its caller: they are not in the schema the model sees, and an argument
/// of that name is refused. A value the run does not have (no session) binds `NULL`, so a query
/// comparing with it finds nothing.
enum SQLContextParameter: String, CaseIterable {
    case principal = "$principal"
    case tenant = "$tenant"
    case userID = "$user_id"
    case sessionID = "$session_id"

    /// The names, for messages.
    static var names: String { allCases.map { ":" + $0.rawValue }.joined(separator: ", ") }

    /// The value for a call, or `nil` when the run has none.
    func value(in context: ToolContext) -> String? {
        switch self {
        case .principal: context.values["principal"]
        case .tenant: context.tenant
        case .userID: context.values["user_id"]
        case .sessionID: context.sessionID
        }
    }
}
