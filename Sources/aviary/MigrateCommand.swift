import ArgumentParser
import AviaryApp
import Foundation

/// `aviary migrate`: apply pending database migrations.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate",
        abstract: "Apply pending migrations to the project's database (SQLite file, or AVIARY_DATABASE_URL) and print their names.")
    @OptionGroup var options: ProjectOptions

    func run() async throws {
        try await failing {
            let report = try await AviaryApplication.migrate(try options.configuration())
            for name in report.applied { print("applied \(name)") }
            print("\(report.database): schema up to date at \(report.current)")
        }
    }
}
