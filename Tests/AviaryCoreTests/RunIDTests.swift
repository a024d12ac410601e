import AviaryCore
import Foundation
import Testing

@Suite struct RunIDTests {
    @Test func newIdsHaveTheDocumentedShape() {
        let id = RunID.random().rawValue
        #expect(id.hasPrefix("run_"))
        #expect(id.count == 30)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz234567")
        #expect(id.dropFirst(4).allSatisfy { allowed.contains($0) })
    }

    @Test func idsSortByCreationTime() {
        let base = Date(timeIntervalSince1970: 1_796_000_000)
        let times = [0.0, 0.001, 0.031, 0.032, 1, 59.999, 86_400, 31_536_000].map { base.addingTimeInterval($0) }
        let ids = times.map { RandomID.ordered(at: $0) }
        #expect(ids == ids.sorted())
        #expect(Set(ids.map { $0.prefix(10) }).count == ids.count)
    }

    @Test func idsMadeInTheSameMillisecondDiffer() {
        let now = Date()
        let ids = (0..<1000).map { _ in RandomID.ordered(at: now) }
        #expect(Set(ids).count == 1000)
        #expect(Set(ids.map { $0.prefix(10) }).count == 1)
    }

    @Test func childIdsAreDeterministicAndFlattenSlashes() {
        let parent = RunID("run_abc")
        #expect(parent.child("turn/1/tool/call_x") == RunID("run_abc.turn-1-tool-call_x"))
        #expect(parent.child("turn/1/tool/call_x") == parent.child("turn/1/tool/call_x"))
        #expect(parent.child("é/ü") == RunID("run_abc.é-ü"))
    }
}
