import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import NIOHTTP1
import Testing

/// Event streams are capped per key and tenant, end at their maximum lifetime, and end when their
/// run is `running` with no live owner.
@Suite(.timeLimit(.minutes(1))) struct StreamLimitTests {
    /// Reads a stream to its end; returns its frames.
    static func drain(_ lines: SSELines) async throws -> [SSEFrame] {
        var frames: [SSEFrame] = []
        while let frame = try await lines.nextFrame() { frames.append(frame) }
        return frames
    }

    @Test func streamsPerKeyAreCappedWhileOtherKeysStillStream() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool(gate: gate)], model: TestAgents.model(),
                                     configure: { $0.streams.maxPerKey = 1 }) { fx in
            let alice = try await fx.key(principal: "alice")
            let admin = try await fx.key(role: .admin, principal: "root")
            let (run, chat) = try await RunRoutesTests.startBlockedChat(fx, key: alice, gate: gate)
            let path = "/api/v1/runs/\(run)/events"
            let first = try await fx.stream(.GET, path, key: alice)
            #expect(first.status == 200)
            let second = try await fx.call(.GET, path, key: alice)
            #expect(second.status == 429)
            #expect(second.errorCode == "too_many_streams")
            #expect(second.headers["Retry-After"].first != nil)
            let other = try await fx.stream(.GET, path, key: admin)
            #expect(other.status == 200, "the cap is per key")
            gate.open()
            #expect(try await chat.value.status == 200)
            #expect(try await Self.drain(first.lines).last?.event == "run.finished")
            #expect(try await Self.drain(other.lines).last?.event == "run.finished")
        }
    }

    @Test func streamsPerTenantAreCapped() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool(gate: gate)], model: TestAgents.model(),
                                     configure: { $0.streams.maxPerTenant = 1 }) { fx in
            let alice = try await fx.key(principal: "alice")
            let admin = try await fx.key(role: .admin, principal: "root")
            let (run, chat) = try await RunRoutesTests.startBlockedChat(fx, key: alice, gate: gate)
            let first = try await fx.stream(.GET, "/api/v1/runs/\(run)/events", key: alice)
            #expect(first.status == 200)
            let refused = try await fx.call(.GET, "/api/v1/runs/\(run)/events", key: admin)
            #expect(refused.status == 429)
            #expect(refused.errorCode == "too_many_streams")
            gate.open()
            _ = try await chat.value
            _ = try await Self.drain(first.lines)
        }
    }

    @Test func aStreamEndsCleanlyAtItsMaximumLifetime() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool(gate: gate)], model: TestAgents.model(),
                                     configure: { $0.streams.maxLifetime = .milliseconds(300); $0.eventPollInterval = .milliseconds(50) }) { fx in
            let alice = try await fx.key(principal: "alice")
            let (run, chat) = try await RunRoutesTests.startBlockedChat(fx, key: alice, gate: gate)
            let stream = try await fx.stream(.GET, "/api/v1/runs/\(run)/events", key: alice)
            let frames = try await Self.drain(stream.lines)
            #expect(frames.first?.event == "run.started")
            #expect(frames.last?.comment?.hasPrefix("stream closed: maximum stream lifetime reached") == true)
            #expect(fx.runtime.activeRuns.contains(run), "the run goes on; only the stream ended")
            gate.open()
            #expect(try await chat.value.status == 200)
        }
    }

    @Test func aRunningRunWithNoLiveOwnerEndsItsStreamAfterTheGrace() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model(),
                                     configure: { $0.streams.ownerlessGrace = .milliseconds(300); $0.eventPollInterval = .milliseconds(50) }) { fx in
            let alice = try await fx.key(principal: "alice")
            // A run left `running` by a process that is gone: nobody executes it.
            let orphan = RunRecord(id: RunID("run_orphan0000000000000000001"), tenant: "acme", principal: "key:alice", agent: "support",
                                   input: ["question": "hi"], status: .running)
            try await fx.store.createRun(orphan)
            let stream = try await fx.stream(.GET, "/api/v1/runs/\(orphan.id)/events", key: alice)
            #expect(stream.status == 200)
            let frames = try await Self.drain(stream.lines)
            #expect(frames.last?.comment?.hasPrefix("stream closed: the run is running but no live process executes it") == true)
            #expect(try await fx.store.loadRun(orphan.id, tenant: "acme")?.status == .running, "the run itself is left for resume")
        }
    }
}
