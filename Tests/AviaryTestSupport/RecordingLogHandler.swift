import Logging
import Synchronization

/// A log handler that keeps every message, for tests that check what is logged.
public struct RecordingLogHandler: LogHandler {
    /// One logged message.
    public struct Entry: Sendable {
        /// The level.
        public let level: Logger.Level
        /// The message text.
        public let message: String
        /// The metadata, rendered as strings.
        public let metadata: [String: String]
    }

    /// Where the entries go; share it to read them.
    public final class Records: Sendable {
        private let entries = Mutex<[Entry]>([])
        /// Creates an empty record.
        public init() {}
        /// Every entry so far, in order.
        public var all: [Entry] { entries.withLock { $0 } }
        func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }
    }

    let records: Records
    public var logLevel: Logger.Level = .trace
    public var metadata: Logger.Metadata = [:]

    /// A logger whose messages go to `records`.
    public static func logger(_ records: Records, label: String = "test") -> Logger {
        Logger(label: label) { _ in RecordingLogHandler(records: records) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        records.append(Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }
}
