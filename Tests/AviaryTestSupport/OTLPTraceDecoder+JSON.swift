import AviaryCore
import Foundation

extension OTLPTraceDecoder {
    // MARK: JSON (the OTLP JSON encoding: camelCase names, 64-bit integers as strings)

    static func decodeJSON(_ body: [UInt8]) throws -> [FakeOTLPSpan] {
        let root = try JSONValue(parsing: body)
        guard let resourceSpans = root["resourceSpans"]?.arrayValue else {
            throw DecodingError(description: "no resourceSpans array")
        }
        var spans: [FakeOTLPSpan] = []
        for resource in resourceSpans {
            let attributes = jsonAttributes(resource["resource"]?["attributes"])
            let serviceName = attributes["service.name"]?.stringValue ?? ""
            for scope in resource["scopeSpans"]?.arrayValue ?? [] {
                for s in scope["spans"]?.arrayValue ?? [] {
                    spans.append(FakeOTLPSpan(
                        traceID: jsonID(s["traceId"]), spanID: jsonID(s["spanId"]), parentSpanID: jsonID(s["parentSpanId"]),
                        name: s["name"]?.stringValue ?? "", kind: s["kind"]?.intValue ?? 0,
                        startTimeUnixNano: jsonUInt64(s["startTimeUnixNano"]), endTimeUnixNano: jsonUInt64(s["endTimeUnixNano"]),
                        attributes: jsonAttributes(s["attributes"]),
                        statusCode: s["status"]?["code"]?.intValue ?? 0, statusMessage: s["status"]?["message"]?.stringValue ?? "",
                        serviceName: serviceName))
                }
            }
        }
        return spans
    }

    /// An id as lowercase hex: the OTLP JSON encoding uses hex; plain protobuf JSON mapping uses base64.
    private static func jsonID(_ value: JSONValue?) -> String {
        guard let text = value?.stringValue, !text.isEmpty else { return "" }
        let isHex = (text.count == 32 || text.count == 16) && text.allSatisfy(\.isHexDigit)
        if isHex { return text.lowercased() }
        guard let data = Data(base64Encoded: text) else { return text }
        return hex(data)
    }

    private static func jsonUInt64(_ value: JSONValue?) -> UInt64 {
        if let text = value?.stringValue { return UInt64(text) ?? 0 }
        if let number = value?.numberValue, number >= 0 { return UInt64(number) }
        return 0
    }

    private static func jsonAttributes(_ value: JSONValue?) -> [String: JSONValue] {
        var attributes: [String: JSONValue] = [:]
        for kv in value?.arrayValue ?? [] {
            guard let key = kv["key"]?.stringValue else { continue }
            attributes[key] = jsonAnyValue(kv["value"])
        }
        return attributes
    }

    private static func jsonAnyValue(_ value: JSONValue?) -> JSONValue {
        guard let value else { return .null }
        if let s = value["stringValue"] { return s }
        if let b = value["boolValue"] { return b }
        if let i = value["intValue"] { return i.stringValue.flatMap(Double.init).map(JSONValue.number) ?? i }
        if let d = value["doubleValue"] { return d }
        if let a = value["arrayValue"] { return .array((a["values"]?.arrayValue ?? []).map { jsonAnyValue($0) }) }
        return .null
    }
}
