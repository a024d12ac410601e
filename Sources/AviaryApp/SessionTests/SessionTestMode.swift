/// How a case runs.
public enum SessionTestMode: Sendable, Hashable, CustomStringConvertible {
    /// In-process with the configured model; nothing recorded.
    case live
    /// In-process with the configured model, keeping every model response and recorded tool's
    /// result in the case's recording.
    case record
    /// In-process, offline: models and recorded tools answer from the case's recording.
    case replay
    /// `POST /chat` to a running server (live there).
    case remote(url: String)

    public var description: String {
        switch self {
        case .live: return "live"
        case .record: return "record"
        case .replay: return "replay"
        case .remote(let url): return "remote \(url)"
        }
    }

    /// Whether the configured model is called in this process.
    var callsModel: Bool { self == .live || self == .record }
}
