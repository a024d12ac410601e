import ArgumentParser
import Foundation

/// The process entry point: installs the concurrency executor (``ConcurrencyExecutor``, chosen
/// with `AVIARY_EXECUTOR`), then runs ``Aviary``.
@main
enum AviaryMain {
    static func main() async {
        let requested: ConcurrencyExecutor
        do {
            requested = try ConcurrencyExecutor.requested(in: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("aviary: \(error)\n".utf8))
            exit(2)
        }
        // Installed before any other task exists, so every command gets it.
        await ConcurrencyExecutor.install(requested)
        await Aviary.main()
    }
}
