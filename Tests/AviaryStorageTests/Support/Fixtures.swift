import AviaryCore
import Foundation

/// Test data with whole-second timestamps (exact through both engines' floating-point columns).
enum Fixtures {
    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    static func date(_ seconds: Int) -> Date { epoch.addingTimeInterval(TimeInterval(seconds)) }

    /// A unique id with a readable prefix.
    static func id(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    }

    static func run(tenant: String = "acme", principal: String = "alice", session: String? = nil, parent: RunID? = nil,
                    agent: String = "support", status: RunStatus = .pending, at seconds: Int = 0) -> RunRecord {
        RunRecord(id: RunID(id("run")), tenant: tenant, principal: principal, sessionID: session, parentRunID: parent,
                  agent: agent, input: ["question": "status of c42?"], status: status,
                  createdAt: date(seconds), updatedAt: date(seconds))
    }

    static func event(_ run: RunID, _ seq: Int, tenant: String = "acme", kind: RunEvent.Kind = .toolStarted,
                      data: JSONValue = ["n": 1]) -> RunEvent {
        RunEvent(runID: run, sequence: seq, timestamp: date(seq), tenant: tenant, kind: kind, data: data)
    }

    static func events(_ run: RunID, _ range: ClosedRange<Int>, tenant: String = "acme") -> [RunEvent] {
        range.map { event(run, $0, tenant: tenant, data: ["n": .number(Double($0))]) }
    }

    static func step(_ run: RunID, _ key: String, _ state: JournalEntry.State = .completed, output: JSONValue? = nil,
                     error: String? = nil, at seconds: Int = 0) -> JournalEntry {
        JournalEntry(runID: run, key: key, state: state, output: output, error: error, updatedAt: date(seconds))
    }

    static func session(tenant: String = "acme", user: String = "alice", principal: String = "web-backend") -> SessionRecord {
        SessionRecord(id: id("ses"), tenant: tenant, userID: user, principal: principal, createdAt: date(0), updatedAt: date(0))
    }

    static func apiKey(tenant: String = "acme", principal: String = "alice", role: Role = .developer, at seconds: Int = 0) -> APIKeyRecord {
        APIKeyRecord(id: id("key"), tenant: tenant, principal: principal, role: role,
                     secretHash: String(repeating: "ab", count: 32), name: "ci", createdAt: date(seconds))
    }
}
