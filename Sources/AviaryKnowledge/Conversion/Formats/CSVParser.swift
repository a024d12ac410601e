/// An RFC 4180 CSV reader: comma-separated fields, `"`-quoted fields holding commas, line
/// breaks and `""` for a quote. Lenient where the RFC is strict and the intent is clear: LF or
/// CR line endings as well as CRLF, a quote inside an unquoted field is a plain character,
/// blank lines are skipped. An unterminated quoted field is an error: it would swallow the rest.
enum CSVParser {
    static func records(in text: String) throws(DocumentConversionError) -> [[String]] {
        let bytes = Array(text.utf8)
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var line = 1
        var quoteLine = 1

        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        func endRecord() {
            let blank = record.isEmpty && field.isEmpty && !quoted
            endField()
            if !blank { records.append(record) }
            record = []
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if field.isEmpty && !quoted {
                    inQuotes = true
                    quoted = true
                    quoteLine = line
                } else {
                    field.append(byte)
                }
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                line += 1
                endRecord()
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw DocumentConversionError(.invalidCSV, "the quoted field starting on line \(quoteLine) is never closed")
        }
        if !record.isEmpty || !field.isEmpty || quoted { endRecord() }
        return records
    }
}
