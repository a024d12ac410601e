import AviaryCore
@testable import AviaryObservability
import Foundation
import Logging
import Testing

@Suite struct AviaryLogHandlerTests {
    private func logger(_ output: CapturedLogOutput, format: AviaryLogHandler.Format = .json, level: Logger.Level = .info) -> Logger {
        LoggingConfiguration(format: format, level: level).makeLogger(label: "aviary.http", output: output)
    }

    @Test func writesOneJSONObjectPerLineWithFlattenedMetadata() throws {
        let output = CapturedLogOutput()
        var log = logger(output)
        log[metadataKey: "tenant"] = "acme"
        log.info("request finished", metadata: ["request_id": "req-1", "run_id": "run_abc", "status": .stringConvertible(201),
                                                "duration_ms": .stringConvertible(12.5), "cached": .stringConvertible(false),
                                                "route": "/api/v1/runs/{id}", "tags": ["a", "b"], "client": ["ip": "10.0.0.1"]])
        log.debug("not written")

        #expect(output.lines.count == 1)
        let line = try #require(output.objects().first)
        #expect(line["level"] == "info")
        #expect(line["label"] == "aviary.http")
        #expect(line["message"] == "request finished")
        #expect(line["request_id"] == "req-1")
        #expect(line["tenant"] == "acme")
        #expect(line["run_id"] == "run_abc")
        #expect(line["status"] == 201)
        #expect(line["duration_ms"] == 12.5)
        #expect(line["cached"] == false)
        #expect(line["tags"] == ["a", "b"])
        #expect(line["client"] == ["ip": "10.0.0.1"])
        #expect(line["source"] == "AviaryObservabilityTests")
        let timestamp = try #require(line["timestamp"]?.stringValue)
        #expect(timestamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil)
        #expect(output.lines[0].hasPrefix("{\"timestamp\":"))
    }

    @Test func redactsSecretKeysAndMasksCredentialValues() throws {
        let output = CapturedLogOutput()
        let log = logger(output)
        log.warning("calling https://api.example.com with Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
                    metadata: ["Authorization": "Bearer abc", "x-api-key": "whatever", "OPENAI_API_KEY": "sk-x",
                               "password": "hunter2", "session_token": "t", "Cookie": "a=b", "client_secret": "s",
                               "input_tokens": .stringConvertible(42), "note": "key sk-proj0123456789abcdefXYZ and avk_k1_s3cr3tvalue",
                               "headers": ["authorization": "Basic Zm9vOmJhcg==", "accept": "json"]])
        let line = try #require(output.objects().first)
        for key in ["Authorization", "x-api-key", "OPENAI_API_KEY", "password", "session_token", "Cookie", "client_secret"] {
            #expect(line[key] == "[REDACTED]", "\(key)")
        }
        #expect(line["input_tokens"] == 42)
        #expect(line["note"] == "key [REDACTED] and [REDACTED]")
        #expect(line["headers"] == ["authorization": "[REDACTED]", "accept": "json"])
        #expect(line["message"] == "calling https://api.example.com with Bearer [REDACTED]")
        #expect(!output.lines[0].contains("hunter2"))
        #expect(!output.lines[0].contains("sk-proj"))
    }

    @Test func omitsMessageBodiesAboveDebug() throws {
        let output = CapturedLogOutput()
        let log = logger(output, level: .trace)
        log.info("model call", metadata: ["prompt": "my secret plans", "messages": ["hi"], "model": "m"])
        log.debug("model call", metadata: ["prompt": "my secret plans"])
        let lines = try output.objects()
        #expect(lines[0]["prompt"] == "[OMITTED]")
        #expect(lines[0]["messages"] == "[OMITTED]")
        #expect(lines[0]["model"] == "m")
        #expect(lines[1]["prompt"] == "my secret plans")
    }

    @Test func metadataPrecedenceAndReservedKeys() throws {
        let output = CapturedLogOutput()
        let provider = Logger.MetadataProvider { ["request_id": "from-provider", "tenant": "t1"] }
        let handler = LoggingConfiguration().makeLogHandler(label: "l", output: output, metadataProvider: provider)
        var log = Logger(label: "l") { _ in handler }
        log[metadataKey: "tenant"] = "handler"
        log[metadataKey: "extra"] = "handler"
        log.error("boom", metadata: ["request_id": "from-message", "message": "shadow", "level": "x"])
        let line = try #require(output.objects().first)
        #expect(line["request_id"] == "from-message")
        #expect(line["tenant"] == "t1")
        #expect(line["extra"] == "handler")
        #expect(line["message"] == "boom")
        #expect(line["level"] == "error")
        #expect(line["metadata.message"] == "shadow")
        #expect(line["metadata.level"] == "x")
    }

    @Test func escapesControlCharactersAndQuotes() throws {
        let output = CapturedLogOutput()
        logger(output).info("line1\nline2 \"quoted\" \\ tab\t\u{01}", metadata: ["k": "é ☃"])
        #expect(output.lines.count == 1)
        let line = try #require(output.objects().first)
        #expect(line["message"] == "line1\nline2 \"quoted\" \\ tab\t\u{01}")
        #expect(line["k"] == "é ☃")
    }

    @Test func textFormatIsOneReadableLine() throws {
        let output = CapturedLogOutput()
        logger(output, format: .text).notice("run finished", metadata: ["run_id": "run_1", "agent": "support agent",
                                                                          "api_key": "sk-whatever", "turns": .stringConvertible(3)])
        let line = try #require(output.lines.first)
        #expect(line.wholeMatch(of: /\S+Z notice aviary\.http: run finished agent="support agent" api_key=\[REDACTED\] run_id=run_1 turns=3/) != nil)
    }

    @Test func timestampsAreISO8601UTCWithMilliseconds() {
        #expect(LogTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(LogTimestamp.format(Date(timeIntervalSince1970: 1_800_000_000.123)) == "2027-01-15T08:00:00.123Z")
        #expect(LogTimestamp.format(Date(timeIntervalSince1970: 951_782_400.5)) == "2000-02-29T00:00:00.500Z")
        #expect(LogTimestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
    }

    @Test func handlerUsesTheInjectedClock() throws {
        let output = CapturedLogOutput()
        let handler = AviaryLogHandler(label: "l", format: .json, level: .info, output: output, redactor: Redactor(),
                                       metadataProvider: nil, now: { Date(timeIntervalSince1970: 1_800_000_000) })
        Logger(label: "l") { _ in handler }.info("x")
        #expect(try output.objects().first?["timestamp"] == "2027-01-15T08:00:00.000Z")
    }

    @Test func errorsAreWrittenMasked() throws {
        struct Failure: Error, CustomStringConvertible { var description: String { "denied for Bearer tok123" } }
        let output = CapturedLogOutput()
        let handler = LoggingConfiguration().makeLogHandler(label: "l", output: output)
        handler.log(event: LogEvent(level: .error, message: "failed", error: Failure(), metadata: nil, source: "s",
                                    file: #fileID, function: #function, line: #line))
        let line = try #require(output.objects().first)
        #expect(line["error"] == "denied for Bearer [REDACTED]")
        #expect(line["source"] == "s")
    }
}
