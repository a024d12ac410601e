import AviaryCore
import AviaryTestSupport
import Foundation
import Testing

/// `aviary ingest` and `aviary kb list|query|delete` of a real `aviary`: a folder of documents
/// ingested with a progress line per item, a broken file reported while the rest go in, a second
/// ingestion skipping what did not change, and queries printing what the query API returns.
@Suite struct KnowledgeCommandsTests {
    static let env = ["OPENAI_API_KEY": "x", "AVIARY_EMBEDDINGS": "none"]

    @Test func documentsAreIngestedQueriedListedAndDeleted() async throws {
        try await withTemporaryDirectory { dir in
            try KillAndResumeTests.writeProject(dir)
            let docs = dir.appendingPathComponent("kb")
            try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
            try "# Fees\n\n## Pix\n\nPix transfers are free and instant.\n\n## Cards\n\nCard payments cost 2.5%.\n"
                .write(to: docs.appendingPathComponent("fees.md"), atomically: true, encoding: .utf8)
            try "<html><body><main><h1>Refunds</h1><p>Refunds reach the card in five business days.</p></main></body></html>"
                .write(to: docs.appendingPathComponent("refunds.html"), atomically: true, encoding: .utf8)
            try "plan,price\nbasic,0\npro,49\n".write(to: docs.appendingPathComponent("plans.csv"), atomically: true, encoding: .utf8)
            try "{not json".write(to: docs.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
            let project = ["--project", dir.path]

            let (status, out, err) = try await CLIProcess.run(["ingest", docs.path, "--namespace", "payments"] + project, environment: Self.env)
            #expect(status != 0, "a failed item makes the command fail")
            #expect(err.contains("1/4") && err.contains("4/4") && err.contains("broken.json  failed:"), "\(err)")
            #expect(out.contains("3 created, 0 replaced, 0 unchanged, 1 failed"), "\(out)")

            try "[1, 2]".write(to: docs.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
            let (again, againOut, againErr) = try await CLIProcess.run(["ingest", docs.path, "--namespace", "payments", "--json"] + project,
                                                                       environment: Self.env)
            #expect(again == 0, "\(againErr)")
            let job = try JSONValue(parsing: againOut)
            #expect(job["counts"]?["skipped"] == 3 && job["counts"]?["created"] == 1)

            let (_, query, _) = try await CLIProcess.run(["kb", "query", "how long do refunds take", "--namespace", "payments", "--json"] + project,
                                                         environment: Self.env)
            let result = try JSONValue(parsing: query)
            #expect(result["results"]?[0]?["source"]?.stringValue?.hasSuffix("refunds.html") == true, "\(query)")
            #expect(result["results"]?[0]?["heading_path"] == ["Refunds"] && result["retrieval"] == "lexical")
            let (_, printed, _) = try await CLIProcess.run(["kb", "query", "pix", "--namespace", "payments"] + project, environment: Self.env)
            #expect(printed.contains("fees.md — Fees > Pix") && printed.contains("Pix transfers are free"), "\(printed)")

            let (_, bases, _) = try await CLIProcess.run(["kb", "list"] + project, environment: Self.env)
            #expect(bases.contains("payments  4 documents"), "\(bases)")
            let (_, listed, _) = try await CLIProcess.run(["kb", "list", "payments"] + project, environment: Self.env)
            #expect(listed.split(separator: "\n").count == 4)
            let (_, deleted, _) = try await CLIProcess.run(["kb", "delete", "payments"] + project, environment: Self.env)
            #expect(deleted.contains("deleted 4 documents"))
            let (_, empty, emptyErr) = try await CLIProcess.run(["kb", "query", "pix", "--namespace", "payments"] + project, environment: Self.env)
            #expect(empty.isEmpty && emptyErr.contains("nothing in payments matches"))
        }
    }
}
