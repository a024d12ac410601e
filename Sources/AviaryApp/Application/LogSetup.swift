import AviaryObservability
import Logging

/// Builds the process logger from `--log-format` / `--log-level`: JSON lines (with secrets and
/// credentials redacted) or text, on standard error.
public enum LogSetup {
    /// A logger with the given format (`json` | `text`) and level name; throws on unknown values.
    public static func logger(label: String = "aviary", format: String, level: String) throws -> Logger {
        guard let level = Logger.Level(rawValue: level) else {
            throw ConfigurationError("unknown log level '\(level)'; use trace, debug, info, notice, warning, error or critical")
        }
        guard let format = AviaryLogHandler.Format(rawValue: format) else {
            throw ConfigurationError("unknown log format '\(format)'; use json or text")
        }
        return LoggingConfiguration(format: format, level: level).makeLogger(label: label, output: FileDescriptorLogOutput.standardError)
    }
}
