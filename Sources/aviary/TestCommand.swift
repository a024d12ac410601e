import ArgumentParser
import AviaryApp
import AviaryCore
import Foundation

/// `aviary test`: seed 000's agent-session test cases (`tests/test_cases.json`), in-process
/// (replaying recordings offline where they exist) or against a running server.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the project's agent-session test cases (tests/test_cases.json) and write tests/results/<case>.md.",
        discussion: """
            In-process by default: a case with a recording (tests/recordings/<case>.json) is replayed offline, \
            other cases ask the configured model. --record asks the configured model and writes the recordings. \
            --url tests a running server instead (POST /chat with the key in AVIARY_API_KEY).
            """)

    @OptionGroup var options: ProjectOptions
    @Option(name: .customLong("case"), help: "Run only this case.") var caseName: String?
    @Option(help: "Ask this question instead of the case's default_question.") var question: String?
    @Option(name: .customLong("user-id"), help: "Ask as this user instead of the case's default_user_id.") var userID: String?
    @Option(name: .customLong("session-id"), help: "Continue this session, or 'none' for a new one (default: the case's default_session_id).")
    var sessionID: String?
    @Option(help: "Test a running server at this URL (http://host:port) instead of in-process.") var url: String?
    @Flag(help: "Ask the configured model and write each case's recording.") var record = false
    @Flag(help: "Ask the configured model even where a recording exists (nothing is recorded).") var live = false
    @Option(help: "A note stored in new recordings (for example which model answered).") var note: String?
    @Flag(help: "Print the results as JSON.") var json = false

    func run() async throws {
        try await failing {
            let config = try options.configuration()
            let environment = ProcessInfo.processInfo.environment
            let runner = SessionTestRunner(configuration: config, options: .init(
                caseName: caseName, question: question, userID: userID, sessionID: sessionID, url: url,
                apiKey: environment["AVIARY_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }, record: record, live: live, note: note,
                application: AviaryApplication.Options(progress: { printError($0) }), progress: { printError($0) }))
            let results = try await runner.run()
            let passed = results.filter(\.passed).count
            if json {
                print(JSONValue.object(["passed": .number(Double(passed)), "failed": .number(Double(results.count - passed)),
                                        "cases": .array(results.map(\.json))]).jsonString)
            }
            printError("\(passed) passed, \(results.count - passed) failed (\(results.count) case\(results.count == 1 ? "" : "s"))")
            if passed < results.count { throw ExitCode.failure }
        }
    }
}
