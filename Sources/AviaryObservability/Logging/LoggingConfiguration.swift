import Logging

/// How the application logs: the line format and the minimum level. Builds loggers explicitly;
/// bootstrapping the process-wide `LoggingSystem` (if wanted) is the caller's choice, through ``factory(output:)``.
public struct LoggingConfiguration: Sendable {
    /// The line format (default `json`).
    public var format: AviaryLogHandler.Format
    /// The minimum level logged (default `info`).
    public var level: Logger.Level
    /// What counts as a secret or a message body (default ``Redactor/init(secretKeyFragments:bodyKeys:)``).
    public var redactor: Redactor

    /// Creates a configuration; every argument has a documented default.
    public init(format: AviaryLogHandler.Format = .json, level: Logger.Level = .info, redactor: Redactor = Redactor()) {
        self.format = format
        self.level = level
        self.redactor = redactor
    }

    /// A handler for `label` writing to `output`.
    public func makeLogHandler(label: String, output: any LogOutput = FileDescriptorLogOutput.standardOutput,
                               metadataProvider: Logger.MetadataProvider? = nil) -> AviaryLogHandler {
        AviaryLogHandler(label: label, format: format, level: level, output: output, redactor: redactor,
                         metadataProvider: metadataProvider)
    }

    /// A logger for `label` writing to `output`.
    public func makeLogger(label: String, output: any LogOutput = FileDescriptorLogOutput.standardOutput,
                           metadataProvider: Logger.MetadataProvider? = nil) -> Logger {
        let handler = makeLogHandler(label: label, output: output, metadataProvider: metadataProvider)
        return Logger(label: label) { _ in handler }
    }

    /// A handler factory, for `LoggingSystem.bootstrap` or libraries that take one.
    public func factory(output: any LogOutput = FileDescriptorLogOutput.standardOutput) -> @Sendable (String) -> any LogHandler {
        { label in makeLogHandler(label: label, output: output) }
    }
}
