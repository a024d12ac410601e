import AviaryCore
import Foundation
import Testing

@Suite struct ToolPolicyTests {
    @Test func pureImpliesIdempotent() {
        #expect(ToolPolicy.computation.pure)
        #expect(ToolPolicy.computation.idempotent)
        #expect(ToolPolicy(idempotent: false, pure: true).idempotent)
        #expect(!ToolPolicy.readOnly.pure)
        #expect(!ToolPolicy().pure && !ToolPolicy().idempotent)
    }

    @Test func roundTripsThroughJSON() throws {
        let policy = ToolPolicy(timeout: 5, retries: 2, backoff: 0.5, risk: .sensitive, idempotent: true, pure: true)
        let decoded = try JSONDecoder().decode(ToolPolicy.self, from: JSONEncoder().encode(policy))
        #expect(decoded == policy)
    }

    @Test func aPolicyEncodedBeforePureExistedDecodesAsNotPure() throws {
        let old = #"{"timeout":30,"retries":0,"backoff":0.2,"risk":"safe","idempotent":true}"#
        let decoded = try JSONDecoder().decode(ToolPolicy.self, from: Data(old.utf8))
        #expect(decoded == .readOnly)
        #expect(!decoded.pure)
    }

    @Test func aMissingRequiredFieldIsAnError() {
        let broken = #"{"retries":0,"backoff":0.2,"risk":"safe","idempotent":true}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ToolPolicy.self, from: Data(broken.utf8)) }
    }
}
