import AviaryStorage
import Foundation
import Testing

/// A database engine the store suite runs on.
///
/// SQLite always runs. PostgreSQL runs when `AVIARY_TEST_POSTGRES_URL` names a server
/// (`scripts/with-postgres.sh` starts one); without it the PostgreSQL cases are left out, except
/// when `CI=true`: then they run and fail, so CI can never skip them silently.
enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The backends to test here.
    static var all: [Backend] {
        TestEnvironment.postgresURL != nil || TestEnvironment.isCI ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }
}

/// What the environment says about the test run.
enum TestEnvironment {
    /// `AVIARY_TEST_POSTGRES_URL`, when set.
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["AVIARY_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// True under CI (`CI=true`).
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}

/// A missing test prerequisite.
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
}
