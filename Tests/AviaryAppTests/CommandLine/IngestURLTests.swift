@testable import AviaryApp
import AviaryCore
import AviaryKnowledge
import AviaryTestSupport
import AviaryTesting
import Foundation
import Hummingbird
import NIOCore
import Testing

/// `aviary ingest` with URLs (``AviaryApplication/ingest(_:paths:namespace:metadata:options:progress:)``):
/// pages fetched by the project's `knowledge.fetch` rules next to local files, and URLs that are
/// not http(s) refused before the job starts.
@Suite struct IngestURLTests {
    static func writeProject(_ dir: URL, fetch: String) throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        // no embeddings: the embedded model would be installed from the network
        try "model: openai/fake-model\nembeddings: none\nknowledge:\n  fetch: \(fetch)\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        try "name: scribe\ninstructions: Take notes.\n".write(to: dir.appendingPathComponent("agents/scribe.yaml"), atomically: true, encoding: .utf8)
    }

    static func ingest(_ dir: URL, _ paths: [String]) async throws -> RunRecord {
        let config = try ConfigurationLoader(environment: [:]).load(project: dir)
        return try await AviaryApplication.ingest(config, paths: paths, namespace: "web",
                                                  options: .init(environment: ["OPENAI_API_KEY": "x"])) { _, _, _ in }
    }

    @Test func urlsAreFetchedByTheProjectsRulesAfterTheFiles() async throws {
        let router = Router()
        router.get("robots.txt") { _, _ in "User-agent: *\nDisallow: /private\n" }
        router.get("guide") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/html"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: "<h1>Guide</h1><p>Install with brew.</p>")))
        }
        try await LocalHTTPServer.run(router: router) { port in
            try await withTemporaryDirectory { dir in
                let site = "http://127.0.0.1:\(port)"
                try Self.writeProject(dir, fetch: "{allow: [127.0.0.1/32]}")
                let notes = dir.appendingPathComponent("notes.md")
                try "# Notes\n\nHello.".write(to: notes, atomically: true, encoding: .utf8)
                let run = try await Self.ingest(dir, [site + "/guide", notes.path, site + "/private/x"])
                let items = run.output?["items"]?.arrayValue ?? []
                #expect(items.map { $0["source"]?.stringValue } == [notes.path, site + "/guide", site + "/private/x"])
                #expect(items.map { $0["status"]?.stringValue } == ["created", "created", "failed"])
                #expect(items[2]["error"] == .string("robots_disallowed: robots.txt of 127.0.0.1:\(port) disallows /private/x"))

                try Self.writeProject(dir, fetch: "{}")
                let refused = try await Self.ingest(dir, [site + "/guide"])
                #expect(refused.output?["items"]?[0]?["error"]?.stringValue?.hasPrefix("refused: 127.0.0.1 is a loopback address") == true)
            }
        }
    }

    @Test func urlsThatAreNotHTTPAreRefusedBeforeTheJob() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir, fetch: "{}")
            for (argument, message) in [("ftp://example.com/a.txt", "ftp: URLs are not fetched"), ("https://u:p@example.com/", "user info")] {
                let error = await #expect(throws: ConfigurationError.self) { try await Self.ingest(dir, [argument]) }
                #expect(error?.description.contains(message) == true, "\(argument): \(error?.description ?? "")")
            }
            #expect(KnowledgeFiles.isURL("https://example.com") && KnowledgeFiles.isURL("file:///etc/passwd"))
            #expect(!KnowledgeFiles.isURL("notes.md") && !KnowledgeFiles.isURL("./a://b") && !KnowledgeFiles.isURL("/tmp/x"))
        }
    }
}
