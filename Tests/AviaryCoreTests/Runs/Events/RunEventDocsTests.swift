import AviaryCore
import Foundation
import Testing

/// docs/events.md's table lists exactly the event kinds and, for each, the members its payload
/// type declares (`fields`, with `optionalFields` marked "(optional)").
@Suite struct RunEventDocsTests {
    /// One row of the table.
    struct Row: Equatable {
        var fields: [String]
        var optional: Set<String>
    }

    @Test func tableMatchesThePayloadTypes() throws {
        let rows = try Self.table()
        #expect(Set(rows.keys) == Set(RunEvent.Kind.allCases.map(\.rawValue)), "the table lists every kind, and no other")
        for kind in RunEvent.Kind.allCases {
            guard let row = rows[kind.rawValue] else { continue }
            let type = kind.payloadType
            #expect(row == Row(fields: type.fields, optional: type.optionalFields), "docs/events.md row of \(kind.rawValue)")
        }
    }

    /// The table's rows by kind: `| \`kind\` | \`a\`, \`b\` (optional) | details |` (`—` for no fields).
    static func table() throws -> [String: Row] {
        let text = try String(contentsOf: try docsFile(), encoding: .utf8)
        var rows: [String: Row] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            let kind = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            var row = Row(fields: [], optional: [])
            if cells[2] != "—" {
                for item in cells[2].components(separatedBy: ", ") {
                    let optional = item.hasSuffix(" (optional)")
                    let name = (optional ? String(item.dropLast(" (optional)".count)) : item).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                    row.fields.append(name)
                    if optional { row.optional.insert(name) }
                }
            }
            #expect(rows[kind] == nil, "\(kind) is listed twice")
            rows[kind] = row
        }
        return rows
    }

    /// `docs/events.md` of the package this test file belongs to.
    static func docsFile() throws -> URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("docs/events.md")
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: candidate.path) {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        throw DocsNotFound()
    }

    struct DocsNotFound: Error {}
}
