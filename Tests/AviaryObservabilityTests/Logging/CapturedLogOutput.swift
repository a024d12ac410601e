import AviaryCore
import AviaryObservability
import Synchronization

/// Collects log lines in memory.
final class CapturedLogOutput: LogOutput {
    private let captured = Mutex<[String]>([])

    func write(line: String) { captured.withLock { $0.append(line) } }

    var lines: [String] { captured.withLock { $0 } }

    /// Every line parsed as a JSON object.
    func objects() throws -> [[String: JSONValue]] {
        try lines.map { line in
            guard let object = try JSONValue(parsing: Array(line.utf8)).objectValue else { throw NotAnObject(line: line) }
            return object
        }
    }

    struct NotAnObject: Error { var line: String }
}
