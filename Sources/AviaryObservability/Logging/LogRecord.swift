import Logging

/// One sanitized log message, rendered as a JSON line or a text line.
struct LogRecord {
    /// A sanitized metadata value.
    enum Value {
        case string(String)
        case number(String)
        case bool(Bool)
        case array([Value])
        case object([(String, Value)])
    }

    /// Top-level JSON fields that metadata keys must not overwrite.
    static let reservedKeys: Set<String> = ["timestamp", "level", "label", "message", "error", "source"]

    var timestamp: String
    var level: Logger.Level
    var label: String
    var message: String
    var fields: [(String, Value)]
    var error: String?
    var source: String

    /// The record as one JSON object.
    var json: String {
        var out = "{\"timestamp\":"
        out.reserveCapacity(128 + message.utf8.count)
        Self.appendJSON(timestamp, to: &out)
        out += ",\"level\":"
        Self.appendJSON(level.rawValue, to: &out)
        out += ",\"label\":"
        Self.appendJSON(label, to: &out)
        out += ",\"message\":"
        Self.appendJSON(message, to: &out)
        for (key, value) in fields {
            out += ","
            Self.appendJSON(Self.reservedKeys.contains(key) ? "metadata." + key : key, to: &out)
            out += ":"
            Self.appendJSON(value, to: &out)
        }
        if let error {
            out += ",\"error\":"
            Self.appendJSON(error, to: &out)
        }
        out += ",\"source\":"
        Self.appendJSON(source, to: &out)
        out += "}"
        return out
    }

    /// The record as `timestamp level label: message key=value …`.
    var text: String {
        var out = "\(timestamp) \(level.rawValue) \(label): \(message)"
        for (key, value) in fields {
            out += " \(key)="
            switch value {
            case .string(let s): Self.appendTextValue(s, to: &out)
            case .number(let n): out += n
            case .bool(let b): out += b ? "true" : "false"
            case .array, .object: Self.appendJSON(value, to: &out)
            }
        }
        if let error {
            out += " error="
            Self.appendTextValue(error, to: &out)
        }
        return out
    }

    static func appendJSON(_ value: Value, to out: inout String) {
        switch value {
        case .string(let s): appendJSON(s, to: &out)
        case .number(let n): out += n
        case .bool(let b): out += b ? "true" : "false"
        case .array(let values):
            out += "["
            for (i, v) in values.enumerated() {
                if i > 0 { out += "," }
                appendJSON(v, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (k, v)) in members.enumerated() {
                if i > 0 { out += "," }
                appendJSON(k, to: &out)
                out += ":"
                appendJSON(v, to: &out)
            }
            out += "}"
        }
    }

    /// Appends `s` as a JSON string literal.
    static func appendJSON(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Appends a text value, quoted as JSON when it is empty or contains spaces, quotes, `=` or controls.
    static func appendTextValue(_ s: String, to out: inout String) {
        let plain = !s.isEmpty && !s.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\"" || $0 == "=" }
        if plain { out += s } else { appendJSON(s, to: &out) }
    }
}
