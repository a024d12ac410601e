import AviaryCore
@testable import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Testing

/// A delegation's child run carries its end to its parent's journal: stored with the parent's
/// next write (one commit on SQLite), or by the child itself once the parent has ended.
@Suite struct RunJournalCarryTests {
    static func runs(_ store: any RunStore) async throws -> (parent: RunRecord, child: RunRecord) {
        let parent = RunRecord(id: "run_parent", tenant: "default", principal: "local", agent: "router", input: [:], status: .running)
        let child = RunRecord(id: RunID("run_parent").child("turn/1/tool/r1"), tenant: "default", principal: "local",
                              parentRunID: parent.id, agent: "support_agent", input: [:], status: .running)
        try await store.createRun(parent)
        try await store.createRun(child)
        return (parent, child)
    }

    /// The parent's journal and the child's, which carries its end to the parent's.
    static func journals(_ parent: RunRecord, _ child: RunRecord, store: any RunStore) -> (RunJournal, RunJournal) {
        let parentJournal = RunJournal.fresh(runID: parent.id, tenant: "default", store: store, sink: nil)
        return (parentJournal, RunJournal.fresh(runID: child.id, tenant: "default", store: store, sink: nil, carrier: parentJournal))
    }

    static func ended(_ run: RunRecord) -> RunRecord {
        var run = run
        run.status = .completed
        run.output = "done"
        return run
    }

    @Test func theChildsEndIsStoredWithTheParentsNextStep() async throws {
        try await RuntimeFixture.with { fx in
            let store = CrashingStore(fx.storage.store, crashAfterWrites: Int.max - 1)
            let (parent, child) = try await Self.runs(fx.storage.store)
            let (parentJournal, childJournal) = Self.journals(parent, child, store: store)
            childJournal.hold("turn/1/model", output: ["text": "done"])
            await childJournal.emit(RunFinishedEvent(output: "done", usage: nil))
            try await childJournal.finish(Self.ended(child))

            // Nothing written yet: the child is `running` in the store, its last step unwritten.
            #expect(store.writeCount == 0)
            #expect(try await fx.storage.store.loadRun(child.id, tenant: "default")?.status == .running)
            #expect(try await fx.storage.store.loadJournal(child.id, tenant: "default").isEmpty)

            await parentJournal.emit(ToolFinishedEvent(callID: "call_1", name: "support_agent", output: nil, durationMS: nil))
            try await parentJournal.record("turn/1/tool/r1", .completed, output: ["content": "done"])
            #expect(store.writeCount == 1, "the child's end and the parent's step are one write")
            #expect(try await fx.storage.store.loadRun(child.id, tenant: "default")?.status == .completed)
            #expect(try await fx.storage.store.loadJournal(child.id, tenant: "default").map(\.key) == ["turn/1/model"])
            #expect(try await fx.storage.store.loadEvents(child.id, tenant: "default").map(\.kind) == [.runFinished])
            #expect(try await fx.storage.store.loadJournal(parent.id, tenant: "default").map(\.key) == ["turn/1/tool/r1"])
            #expect(try await fx.storage.store.loadEvents(parent.id, tenant: "default").map(\.kind) == [.toolFinished])
        }
    }

    @Test func aCarriedEndIsDurableBeforeTheParentPaysForItsNextCall() async throws {
        try await RuntimeFixture.with { fx in
            let (parent, child) = try await Self.runs(fx.storage.store)
            let (parentJournal, childJournal) = Self.journals(parent, child, store: fx.storage.store)
            try await childJournal.finish(Self.ended(child))
            #expect(try await fx.storage.store.loadRun(child.id, tenant: "default")?.status == .running)
            // What a model step does before calling the model.
            try await parentJournal.writeHeld()
            #expect(try await fx.storage.store.loadRun(child.id, tenant: "default")?.status == .completed)
        }
    }

    @Test func aChildEndingAfterItsParentWritesItsOwnEnd() async throws {
        try await RuntimeFixture.with { fx in
            let (parent, child) = try await Self.runs(fx.storage.store)
            let (parentJournal, childJournal) = Self.journals(parent, child, store: fx.storage.store)
            try await parentJournal.finish(Self.ended(parent)) // e.g. the delegation timed out and the parent went on
            try await childJournal.finish(Self.ended(child))
            #expect(try await fx.storage.store.loadRun(child.id, tenant: "default")?.status == .completed)
            #expect(try await fx.storage.store.loadRun(parent.id, tenant: "default")?.status == .completed)
        }
    }

    @Test func aChildNotStoredYetWritesItsOwnEnd() async throws {
        try await RuntimeFixture.with { fx in
            let parent = RunRecord(id: "run_parent", tenant: "default", principal: "local", agent: "router", input: [:], status: .running)
            try await fx.storage.store.createRun(parent)
            let child = RunRecord(id: parent.id.child("turn/1/tool/r1"), tenant: "default", principal: "local",
                                  parentRunID: parent.id, agent: "support_agent", input: [:], status: .running)
            let parentJournal = RunJournal.fresh(runID: parent.id, tenant: "default", store: fx.storage.store, sink: nil)
            let childJournal = RunJournal.fresh(runID: child.id, tenant: "default", store: fx.storage.store, sink: nil,
                                                unstored: child, carrier: parentJournal)
            try await childJournal.finish(Self.ended(child))
            // Carrying it would leave the child in neither the store nor the registry of executing runs.
            #expect(try await fx.storage.store.loadRun(child.id, tenant: "default")?.status == .completed)
        }
    }
}
