import AviaryKnowledge
import Foundation
import Testing

/// Converts `html` (the test's page at https://docs.example/guide/page.html).
func markdown(_ html: String, baseURL: URL? = URL(string: "https://docs.example/guide/page.html")) throws -> String {
    try HTMLToMarkdown.convert(html, baseURL: baseURL).markdown
}

/// The error `body` throws, which must be a ``DocumentConversionError``.
func conversionError(_ body: () throws -> Any) -> DocumentConversionError? {
    do {
        _ = try body()
        return nil
    } catch let error as DocumentConversionError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

/// Runs `body` on a new thread with a `stackSize`-byte stack (a Darwin secondary thread has
/// 512 KB), returning its result.
func onThread<T: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.stackSize = stackSize
        thread.start()
    }
}
