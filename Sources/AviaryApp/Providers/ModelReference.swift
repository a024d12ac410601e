/// A parsed `provider/model` reference (`openai/gpt-4o-mini`, `local/smollm2-135m`).
public struct ModelReference: Sendable, Hashable, CustomStringConvertible {
    /// Provider name.
    public let provider: String
    /// Model id at the provider (may itself contain `/`, e.g. OpenRouter ids).
    public let model: String

    /// Parses `provider/model`; `nil` without a slash.
    public init?(_ text: String) {
        guard let slash = text.firstIndex(of: "/"), slash != text.startIndex, text.index(after: slash) != text.endIndex else { return nil }
        provider = String(text[..<slash])
        model = String(text[text.index(after: slash)...])
    }

    public var description: String { "\(provider)/\(model)" }

    /// The embedded default model.
    public static let local = ModelReference("local/smollm2-135m")!
}
