import Foundation
import Logging

/// A swift-log handler writing one line per message, as JSON (production) or text (terminals),
/// with secrets redacted and message bodies dropped above debug level.
///
/// A JSON line is an object with `timestamp` (ISO-8601 UTC, milliseconds), `level`, `label`,
/// `message`, every metadata key flattened to the top level (handler metadata, then the metadata
/// provider's, then the message's; a key that collides with a field above is written as
/// `metadata.<key>`), `error` when the message carries one, and `source`. Values under secret keys
/// become `[REDACTED]`, credentials inside any text are masked (see ``Redactor``), and values under body
/// keys become `[OMITTED]` unless the message is logged at `debug` or `trace`.
public struct AviaryLogHandler: LogHandler {
    /// The line format.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON object per line.
        case json
        /// `timestamp level label: message key=value …`, for people.
        case text
    }

    /// The logger label.
    public let label: String
    /// The line format.
    public let format: Format
    /// The minimum level logged.
    public var logLevel: Logger.Level
    /// Metadata added to every message of this handler.
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata (for example task-local request ids) added to every message.
    public var metadataProvider: Logger.MetadataProvider?

    let output: any LogOutput
    let redactor: Redactor
    let now: @Sendable () -> Date

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - label: The logger label.
    ///   - format: JSON lines (default) or text.
    ///   - level: The minimum level logged (default `info`).
    ///   - output: Where lines go (default standard output).
    ///   - redactor: What counts as a secret or a body.
    ///   - metadataProvider: Contextual metadata for every message.
    public init(label: String, format: Format = .json, level: Logger.Level = .info,
                output: any LogOutput = FileDescriptorLogOutput.standardOutput, redactor: Redactor = Redactor(),
                metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(label: label, format: format, level: level, output: output, redactor: redactor,
                  metadataProvider: metadataProvider, now: { Date() })
    }

    init(label: String, format: Format, level: Logger.Level, output: any LogOutput, redactor: Redactor,
         metadataProvider: Logger.MetadataProvider?, now: @escaping @Sendable () -> Date) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.output = output
        self.redactor = redactor
        self.metadataProvider = metadataProvider
        self.now = now
    }

    /// One metadata value of this handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats and writes one message.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, new in new }
        }
        if let own = event.metadata, !own.isEmpty {
            merged.merge(own) { _, new in new }
        }
        let record = LogRecord(
            timestamp: LogTimestamp.format(now()), level: event.level, label: label,
            message: redactor.mask(event.message.description),
            fields: merged.keys.sorted().map { ($0, sanitize(merged[$0]!, key: $0, level: event.level)) },
            error: event.error.map { redactor.mask(String(describing: $0)) },
            source: event.source)
        output.write(line: format == .json ? record.json : record.text)
    }

    /// A metadata value with secrets redacted, credentials masked and bodies omitted above debug.
    func sanitize(_ value: Logger.MetadataValue, key: String, level: Logger.Level) -> LogRecord.Value {
        if redactor.isSecretKey(key) { return .string(Redactor.redacted) }
        if level > .debug, redactor.isBodyKey(key) { return .string(Redactor.omitted) }
        switch value {
        case .string(let text):
            return .string(redactor.mask(text))
        case .stringConvertible(let convertible):
            if let bool = convertible as? Bool { return .bool(bool) }
            if let integer = convertible as? any BinaryInteger { return .number(String(describing: integer)) }
            if let double = convertible as? Double, double.isFinite { return .number(String(double)) }
            if let float = convertible as? Float, float.isFinite { return .number(String(float)) }
            return .string(redactor.mask(convertible.description))
        case .array(let values):
            return .array(values.map { sanitize($0, key: key, level: level) })
        case .dictionary(let members):
            return .object(members.keys.sorted().map { ($0, sanitize(members[$0]!, key: $0, level: level)) })
        }
    }
}
