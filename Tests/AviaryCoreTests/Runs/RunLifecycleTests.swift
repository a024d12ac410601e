import AviaryCore
import Testing

/// Every status × event pair of the run state machine against a table written out in full: a
/// change to the machine (a transition, an action, a new status or event) fails here.
@Suite struct RunLifecycleTests {
    /// What a transition is expected to do.
    enum Expected: Hashable, CustomStringConvertible {
        /// Move to the status and execute.
        case execute(RunStatus)
        /// Move to the status and persist it.
        case persist(RunStatus)
        /// Refuse; the status stays.
        case reject

        var description: String {
            switch self {
            case .execute(let s): "execute → \(s.rawValue)"
            case .persist(let s): "persist → \(s.rawValue)"
            case .reject: "reject"
            }
        }
    }

    static let table: [RunStatus: [RunLifecycle.Event: Expected]] = [
        .pending: [
            .start: .execute(.running), .resume: .execute(.running), .complete: .reject, .fail: .persist(.failed),
            .cancel: .persist(.cancelled), .interruptedUnsafely: .reject, .pause: .reject, .suspend: .reject,
        ],
        .running: [
            .start: .reject, .resume: .execute(.running), .complete: .persist(.completed), .fail: .persist(.failed),
            .cancel: .persist(.cancelled), .interruptedUnsafely: .persist(.needsAttention), .pause: .persist(.waiting),
            .suspend: .persist(.interrupted),
        ],
        .waiting: [
            .start: .reject, .resume: .execute(.running), .complete: .reject, .fail: .reject,
            .cancel: .persist(.cancelled), .interruptedUnsafely: .reject, .pause: .reject, .suspend: .reject,
        ],
        .needsAttention: [
            .start: .reject, .resume: .execute(.running), .complete: .reject, .fail: .reject,
            .cancel: .persist(.cancelled), .interruptedUnsafely: .reject, .pause: .reject, .suspend: .reject,
        ],
        .completed: [
            .start: .reject, .resume: .reject, .complete: .reject, .fail: .reject,
            .cancel: .reject, .interruptedUnsafely: .reject, .pause: .reject, .suspend: .reject,
        ],
        .failed: [
            .start: .reject, .resume: .execute(.running), .complete: .reject, .fail: .reject,
            .cancel: .reject, .interruptedUnsafely: .reject, .pause: .reject, .suspend: .reject,
        ],
        .cancelled: [
            .start: .reject, .resume: .reject, .complete: .reject, .fail: .reject,
            .cancel: .reject, .interruptedUnsafely: .reject, .pause: .reject, .suspend: .reject,
        ],
        .interrupted: [
            .start: .reject, .resume: .execute(.running), .complete: .reject, .fail: .reject,
            .cancel: .persist(.cancelled), .interruptedUnsafely: .reject, .pause: .reject, .suspend: .reject,
        ],
    ]

    @Test func theTableCoversEveryStatusAndEvent() {
        #expect(Set(Self.table.keys) == Set(RunStatus.allCases))
        for (status, row) in Self.table {
            #expect(Set(row.keys) == Set(RunLifecycle.Event.allCases), "row \(status.rawValue)")
        }
    }

    @Test(arguments: RunStatus.allCases)
    func everyEventFrom(_ status: RunStatus) throws {
        let row = try #require(Self.table[status])
        for event in RunLifecycle.Event.allCases {
            let expected = try #require(row[event])
            var machine = RunLifecycle(status: status)
            let action = machine.handle(event)
            switch expected {
            case .execute(let next):
                #expect(action == .execute, "\(status.rawValue) + \(event)")
                #expect(machine.status == next, "\(status.rawValue) + \(event)")
            case .persist(let next):
                #expect(action == .persist, "\(status.rawValue) + \(event)")
                #expect(machine.status == next, "\(status.rawValue) + \(event)")
            case .reject:
                #expect(action == .reject("cannot \(event) a run that is \(status.rawValue)"), "\(status.rawValue) + \(event)")
                #expect(machine.status == status, "a rejected \(event) leaves \(status.rawValue) unchanged")
            }
        }
    }

    @Test func terminalStatusesOnlyLeaveByResumingAFailure() {
        for status in RunStatus.allCases where status.isTerminal {
            let exits = RunLifecycle.Event.allCases.filter { event in
                var machine = RunLifecycle(status: status)
                if case .reject = machine.handle(event) { return false }
                return true
            }
            #expect(exits == (status == .failed ? [.resume] : []), "\(status.rawValue)")
        }
    }

    @Test func aNewRunStartsPending() {
        #expect(RunLifecycle().status == .pending)
    }
}
