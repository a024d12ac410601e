import AviaryApp
import AviaryTestSupport
import Foundation
import Testing

@Suite("Configuration: storage")
struct ConfigurationStorageTests {
    @Test func defaultsToTheProjectsSQLiteFile() async throws {
        try await withTemporaryDirectory { dir in
            let config = try ConfigurationLoader(environment: [:]).load(project: dir)
            #expect(config.databaseURL == nil)
            #expect(config.databasePath == dir.standardizedFileURL.appendingPathComponent(".aviary/aviary.sqlite").path)
        }
    }

    @Test func readsTheURLFromAviaryYamlAndTheEnvironmentWins() async throws {
        try await withTemporaryDirectory { dir in
            try "storage: {url: \"postgres://file@db/aviary\"}\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            #expect(try ConfigurationLoader(environment: [:]).load(project: dir).databaseURL == "postgres://file@db/aviary")
            let env = ["AVIARY_DATABASE_URL": "postgres://env@db/aviary"]
            #expect(try ConfigurationLoader(environment: env).load(project: dir).databaseURL == "postgres://env@db/aviary")
            #expect(try ConfigurationLoader(environment: ["AVIARY_DATABASE_URL": ""]).load(project: dir).databaseURL == "postgres://file@db/aviary")
        }
    }

    @Test func rejectsAnUnknownStorageKey() async throws {
        try await withTemporaryDirectory { dir in
            try "storage: {uri: \"postgres://db/aviary\"}\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(project: dir) }
        }
    }
}
