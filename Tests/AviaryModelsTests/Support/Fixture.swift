import AviaryCore
import Foundation
import Testing

/// Loads golden wire files from `Fixtures/`.
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let base = try #require(Bundle.module.resourceURL, "test bundle has no resources")
        return Array(try Data(contentsOf: base.appendingPathComponent("Fixtures").appendingPathComponent(name)))
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONValue(parsing: bytes(name))
    }
}
