import AviaryCore
import Foundation

/// Decodes OTLP `ExportTraceServiceRequest` bodies (protobuf or JSON encoding) into ``FakeOTLPSpan``s.
/// Only the fields tests look at; unknown fields are skipped as the protobuf rules require.
enum OTLPTraceDecoder {
    /// A body that is not a valid export request.
    struct DecodingError: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: Protobuf (opentelemetry/proto/collector/trace/v1)

    static func decodeProtobuf(_ body: [UInt8]) throws -> [FakeOTLPSpan] {
        var spans: [FakeOTLPSpan] = []
        var request = ProtobufReader(body[...])
        while let field = try request.next() {
            guard field.number == 1, case .bytes(let resourceSpans) = field.value else { continue }
            var serviceName = ""
            var scopes: [ArraySlice<UInt8>] = []
            var reader = ProtobufReader(resourceSpans)
            while let f = try reader.next() {
                switch (f.number, f.value) {
                case (1, .bytes(let resource)):
                    var r = ProtobufReader(resource)
                    while let a = try r.next() {
                        guard a.number == 1, case .bytes(let kv) = a.value else { continue }
                        let (key, value) = try keyValue(kv)
                        if key == "service.name" { serviceName = value.stringValue ?? "" }
                    }
                case (2, .bytes(let scope)):
                    scopes.append(scope)
                default:
                    break
                }
            }
            for scope in scopes {
                var reader = ProtobufReader(scope)
                while let f = try reader.next() {
                    if f.number == 2, case .bytes(let span) = f.value {
                        var decoded = try decodeSpan(span)
                        decoded.serviceName = serviceName
                        spans.append(decoded)
                    }
                }
            }
        }
        return spans
    }

    private static func decodeSpan(_ bytes: ArraySlice<UInt8>) throws -> FakeOTLPSpan {
        var span = FakeOTLPSpan()
        var reader = ProtobufReader(bytes)
        while let f = try reader.next() {
            switch (f.number, f.value) {
            case (1, .bytes(let b)): span.traceID = hex(b)
            case (2, .bytes(let b)): span.spanID = hex(b)
            case (4, .bytes(let b)): span.parentSpanID = hex(b)
            case (5, .bytes(let b)): span.name = String(decoding: b, as: UTF8.self)
            case (6, .varint(let v)): span.kind = Int(v)
            case (7, .fixed64(let v)): span.startTimeUnixNano = v
            case (8, .fixed64(let v)): span.endTimeUnixNano = v
            case (9, .bytes(let kv)):
                let (key, value) = try keyValue(kv)
                span.attributes[key] = value
            case (15, .bytes(let status)):
                var r = ProtobufReader(status)
                while let s = try r.next() {
                    switch (s.number, s.value) {
                    case (2, .bytes(let m)): span.statusMessage = String(decoding: m, as: UTF8.self)
                    case (3, .varint(let c)): span.statusCode = Int(c)
                    default: break
                    }
                }
            default:
                break
            }
        }
        return span
    }

    /// A `KeyValue`: key (1) and `AnyValue` (2).
    private static func keyValue(_ bytes: ArraySlice<UInt8>) throws -> (String, JSONValue) {
        var key = ""
        var value = JSONValue.null
        var reader = ProtobufReader(bytes)
        while let f = try reader.next() {
            switch (f.number, f.value) {
            case (1, .bytes(let b)): key = String(decoding: b, as: UTF8.self)
            case (2, .bytes(let b)): value = try anyValue(b)
            default: break
            }
        }
        return (key, value)
    }

    /// An `AnyValue`: string (1), bool (2), int (3), double (4), array (5).
    private static func anyValue(_ bytes: ArraySlice<UInt8>) throws -> JSONValue {
        var reader = ProtobufReader(bytes)
        var value = JSONValue.null
        while let f = try reader.next() {
            switch (f.number, f.value) {
            case (1, .bytes(let b)): value = .string(String(decoding: b, as: UTF8.self))
            case (2, .varint(let v)): value = .bool(v != 0)
            case (3, .varint(let v)): value = .number(Double(Int64(bitPattern: v)))
            case (4, .fixed64(let v)): value = .number(Double(bitPattern: v))
            case (5, .bytes(let array)):
                var elements: [JSONValue] = []
                var r = ProtobufReader(array)
                while let e = try r.next() {
                    if e.number == 1, case .bytes(let element) = e.value { elements.append(try anyValue(element)) }
                }
                value = .array(elements)
            default: break
            }
        }
        return value
    }

    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }
}
