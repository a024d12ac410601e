import AsyncHTTPClient
import AviaryCore
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// A real `aviary serve` process: keys from `aviary keys create`, a chat against a fake OpenAI
/// server, JSON logs without secrets, and a clean exit on SIGTERM — under the executor the shipped
/// binary uses (`loop`, the default) and under NIO's supported take-over (`AVIARY_EXECUTOR=nio`).
@Suite struct ServeProcessTests {
    @Test(arguments: ["loop", "nio"])
    func serveAnswersLogsJSONAndStopsOnSIGTERM(executor: String) async throws {
        try await withTemporaryDirectory { dir in
            try KillAndResumeTests.writeProject(dir)
            try await withFakeOpenAIServer(replies: [.text("Noted.")]) { server in
                var env = ["OPENAI_API_KEY": "sk-secret-provider-key", "OPENAI_BASE_URL": server.baseURL, "AVIARY_PORT": "0"]
                if executor != "loop" { env["AVIARY_EXECUTOR"] = executor }
                let (status, keyOut, _) = try await CLIProcess.run(["keys", "create", "--project", dir.path, "--tenant", "acme", "--role", "user",
                                                              "--principal", "alice"], environment: env)
                #expect(status == 0)
                let key = keyOut.trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(key.hasPrefix("avk_"))

                let cli = try CLIProcess(["serve", "--project", dir.path, "--log-level", "info"], environment: env)
                try await cli.start()
                var port: Int?
                let listening = try await eventually {
                    let text = (try? String(contentsOf: cli.errorFile, encoding: .utf8)) ?? ""
                    if let line = text.split(separator: "\n").first(where: { $0.contains("listening on port") }) {
                        port = Int(line.split(separator: " ").last ?? "")
                    }
                    return port != nil || !cli.isRunning
                }
                #expect(listening)
                guard let bound = port else {
                    let early = cli.isRunning ? nil : await cli.finish()
                    Issue.record("server did not report its port: \(early.map { "\($0)" } ?? "")")
                    if cli.isRunning { kill(cli.processIdentifier, SIGKILL) }
                    throw CLIError(message: "no port")
                }

                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(bound)/chat")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(key)")
                request.body = .bytes(ByteBuffer(string: #"{"question":"note the milk"}"#))
                let response = try await client.execute(request, timeout: .seconds(30))
                let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
                try await client.shutdown()
                #expect(response.status.code == 200)
                #expect(body.contains(#""response":"Noted.""#))

                kill(cli.processIdentifier, SIGTERM)
                let (exit, _, logs) = await cli.finish()
                #expect(exit == 0, "graceful shutdown exits cleanly")
                let jsonLines = logs.split(separator: "\n").filter { $0.hasPrefix("{") }
                #expect(jsonLines.contains { $0.contains(#""route":"/chat""#) && $0.contains(#""request_id""#) && $0.contains(#""tenant":"acme""#) })
                #expect(jsonLines.contains { $0.contains("concurrency executor") && $0.contains(#""executor":"\#(executor)""#) },
                        "the server runs on the executor asked for")
                #expect(!logs.contains(key), "the API key never reaches the logs")
                #expect(!logs.contains("sk-secret-provider-key"))
                #expect(!logs.contains("note the milk"), "no message bodies at info level")
            }
        }
    }

    @Test func anUnknownExecutorIsRefusedByName() async throws {
        let (status, _, err) = try await CLIProcess.run(["--help"], environment: ["AVIARY_EXECUTOR": "threads"])
        #expect(status == 2)
        #expect(err.contains("AVIARY_EXECUTOR must be one of loop, nio, swift"))
    }
}
