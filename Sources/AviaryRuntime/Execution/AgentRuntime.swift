import AviaryCore
import Foundation
import Logging
import Synchronization

/// Runs agents durably: creates runs, executes their journaled steps, resumes them after a crash,
/// and answers chat turns in sessions. Reaches models, stores and tools only through Core's seams.
public final class AgentRuntime: Sendable {
    /// The project's agents (``replaceDefinitions(catalog:programs:)`` swaps them while serving).
    public var catalog: AgentCatalog { definitions.withLock { $0.catalog } }
    let tools: [String: PreparedTool]
    /// Built-in tools left out of this configuration, with what they need (``UnavailableTool``).
    let unavailableTools: [String: UnavailableTool]
    let models: any ModelProvider
    let runs: any RunStore
    let sessions: any SessionStore
    let sink: (any EventSink)?
    let logger: Logger
    /// Folder under which each session gets `<session id>/workspace`; `nil` disables workspaces.
    public let sessionsRoot: URL?
    /// The runs executing in this runtime, for cancellation and graceful shutdown.
    public let activeRuns = ActiveRuns()
    /// Bounds on tool calls per turn, their parallelism and delegation depth.
    public let limits: RuntimeLimits
    /// The threads that run the calls of blocking tools (``ToolPolicy/blocking``), off the event loops.
    let toolPool: BlockingToolPool
    /// How this process claims the runs it executes.
    public let leasing: RunLeasing
    /// Paces tool retry backoff (injected in tests, which drive time instead of waiting).
    let clock: any Clock<Duration>
    /// The project's agents and the kinds of run registered besides them (``RunProgram``), by name.
    private let definitions: Mutex<Definitions>

    struct Definitions: Sendable {
        var catalog: AgentCatalog
        var programs: [String: any RunProgram]
    }

    /// The kinds of run registered besides the project's agents, by name (``RunProgram``).
    var programs: [String: any RunProgram] { definitions.withLock { $0.programs } }

    /// Finds the program of a run whose name no longer resolves (``ProgramRecovery``).
    let recoverProgram: ProgramRecovery?

    /// The agents and programs as one consistent pair.
    var currentDefinitions: Definitions { definitions.withLock { $0 } }

    /// Creates a runtime. `toolThreads` caps the threads that run blocking tools' calls
    /// (``ToolPolicy/blocking``); default one per core, at least 4. `leasing` names this process in
    /// the leases of the runs it executes (``RunLeasing``); `clock` paces tool retry backoff.
    /// `programs` are kinds of run written in Swift (``RunProgram``), started by name like agents;
    /// `recoverProgram` finds the program of a run whose name is no longer registered.
    public init(catalog: AgentCatalog, tools: ToolRegistry, models: any ModelProvider, runs: any RunStore,
                sessions: any SessionStore, programs: [any RunProgram] = [], sink: (any EventSink)? = nil, sessionsRoot: URL? = nil,
                limits: RuntimeLimits = RuntimeLimits(), toolThreads: Int? = nil, leasing: RunLeasing = RunLeasing(),
                clock: any Clock<Duration> = ContinuousClock(), recoverProgram: ProgramRecovery? = nil,
                logger: Logger = Logger(label: "aviary.runtime")) {
        self.recoverProgram = recoverProgram
        self.leasing = leasing
        self.clock = clock
        self.definitions = Mutex(Definitions(catalog: catalog,
                                             programs: Dictionary(programs.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })))
        self.toolPool = BlockingToolPool(maxThreads: toolThreads ?? BlockingToolPool.defaultThreads)
        var prepared: [String: PreparedTool] = [:]
        for name in tools.names { if let t = tools.tool(named: name) { prepared[name] = PreparedTool(t) } }
        self.tools = prepared
        self.unavailableTools = tools.unavailable
        self.models = models
        self.runs = runs
        self.sessions = sessions
        self.sink = sink
        self.sessionsRoot = sessionsRoot
        self.limits = limits
        self.logger = logger
    }

    /// Replaces the project's agents and registered programs (a project reloaded while serving).
    /// Runs that execute keep the definitions they started with; runs started or resumed after
    /// this use the new ones. `programs` `nil` keeps the registered programs.
    public func replaceDefinitions(catalog: AgentCatalog, programs: [any RunProgram]? = nil) {
        definitions.withLock {
            $0.catalog = catalog
            if let programs { $0.programs = Dictionary(programs.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last }) }
        }
    }

    /// The registered programs (not the project's agents), sorted by name.
    public var registeredPrograms: [any RunProgram] {
        definitions.withLock { $0.programs }.values.sorted { $0.name < $1.name }
    }

    /// The registered program with this name, if any (not the project's agents).
    public func registeredProgram(named name: String) -> (any RunProgram)? { definitions.withLock { $0.programs[name] } }

    /// Starts a new run and executes it to the end (or to a pause / needs-attention stop).
    /// Run-level failures come back as a record with status `failed`; infrastructure failures throw.
    public func run(_ request: RunRequest, parent: RunID? = nil) async throws -> RunRecord {
        try await run(request, parent: parent, streamDeltas: false)
    }

    /// Starts a new run; with `streamDeltas` the model's text is streamed as transient `model.delta` events.
    public func run(_ request: RunRequest, parent: RunID? = nil, streamDeltas: Bool) async throws -> RunRecord {
        try await start(request, parent: parent, streamDeltas: streamDeltas, delegation: false)
    }

    /// Starts a new run. A run is normally stored before it starts, so it is never lost. A
    /// delegation's child run (`delegation`) is stored with its first journal write instead, one
    /// commit fewer: until then it has done nothing durable, and a resumed parent re-runs its
    /// delegation step, which finds no child and starts it. It also carries its end to the
    /// parent's journal (see ``RunJournal``).
    func start(_ request: RunRequest, parent: RunID?, streamDeltas: Bool, delegation: Bool,
               delegationChain: [String] = []) async throws -> RunRecord {
        let program: any RunProgram
        do { program = try self.program(named: request.agent) } catch let error as RuntimeError where error.code == .unknownAgent {
            guard let recovered = recoverProgram?(request.agent, request.input, []) else { throw error }
            program = recovered
        }
        let record = RunRecord(id: request.runID ?? .random(), tenant: request.tenant, principal: request.principal,
                               sessionID: request.sessionID, parentRunID: parent, agent: program.name, input: request.input)
        var stored = record
        stored.status = .running // a run found `running` with an expired lease was left by a process that died
        stored.lease = leasing.lease()
        let unstored: RunRecord? = delegation ? stored : nil
        if unstored == nil {
            try await runs.createRun(stored)
            // an erasure of its session that began meanwhile may have deleted rows before this one
            // was written: the run removes itself instead of outliving the erasure
            if activeRuns.isErased(record.id, sessionID: record.sessionID) {
                _ = try? await runs.deleteRun(record.id, tenant: record.tenant)
                throw RuntimeError(.erased, "run \(record.id): its session is being erased")
            }
        }
        let carrier = delegation ? parent.flatMap(activeRuns.journal(of:)) : nil
        let journal = RunJournal.fresh(runID: record.id, tenant: record.tenant, store: runs, sink: sink, unstored: unstored,
                                       carrier: carrier)
        return try await execute(record, program: program, journal: journal, decision: nil, streamDeltas: streamDeltas,
                                 delegationChain: delegationChain)
    }

    /// Resumes an interrupted run from its journal: completed steps are replayed, not repeated.
    /// The run is claimed for this process first (``RunStore/claimRun(_:tenant:lease:now:)``): a run
    /// executing in another process (its lease is live) is refused with a conflict, never executed
    /// twice.
    public func resume(_ id: RunID, tenant: String, decision: ResumeDecision? = nil) async throws -> RunRecord {
        guard var record = try await runs.loadRun(id, tenant: tenant) else {
            throw RuntimeError(.runNotFound, "run \(id) not found")
        }
        if record.status == .completed || record.status == .cancelled { return record }
        if activeRuns.contains(id) { throw RuntimeError(.notResumable, "run \(id) is already executing") }
        let program: any RunProgram
        do { program = try self.program(named: record.agent) } catch let error as RuntimeError where error.code == .unknownAgent {
            // a program no longer registered may be recovered from what the run recorded (a workflow's pinned definition)
            guard let recovered = recoverProgram?(record.agent, record.input, try await runs.loadJournal(id, tenant: tenant)) else {
                throw RuntimeError(.unknownAgent, "run \(id) uses agent '\(record.agent)', which this project no longer defines")
            }
            program = recovered
        }
        var claim = try await runs.claimRun(id, tenant: tenant, lease: leasing.lease(), now: leasing.now)
        if case .held(let held) = claim, let dead = held.lease, leasing.isDeadLocalProcess(dead.owner) {
            // its process is gone: the lease is void now, not only once it expires
            claim = try await runs.claimRun(id, tenant: tenant, lease: leasing.lease(), now: dead.expiresAt)
        }
        switch claim {
        case .absent: throw RuntimeError(.runNotFound, "run \(id) not found")
        case .ended(let ended): return ended
        case .held(let held): throw Self.heldElsewhere(held)
        case .claimed(let claimed): record.lease = claimed.lease // the status before the claim decides start or resume
        }
        let journal = try await RunJournal.load(runID: id, tenant: tenant, store: runs, sink: sink)
        return try await execute(record, program: program, journal: journal, decision: decision, streamDeltas: false)
    }

    /// The conflict for a run another process executes.
    static func heldElsewhere(_ run: RunRecord) -> RuntimeError {
        let until = run.lease.map { " until \($0.expiresAt.formatted(.iso8601))" } ?? ""
        return RuntimeError(.notResumable, """
            run \(run.id) is \(run.status.rawValue) in another process (\(run.lease?.owner ?? "unknown"), lease\(until)); \
            it is resumed automatically if that process stops renewing its lease
            """)
    }

    /// A run as the store has it or, for a delegation's child run that executes here and is not
    /// stored yet (it is stored with its first step), as it started: status `running`.
    public func loadRun(_ id: RunID, tenant: String) async throws -> RunRecord? {
        // The journal forgets the record only once its write has stored it, so one of the two has it.
        if let executing = activeRuns.unstoredRecord(id) { return executing.tenant == tenant ? executing : nil }
        return try await runs.loadRun(id, tenant: tenant)
    }

    /// Asks an executing run (and its child runs) to stop at the next step boundary, ending `cancelled`.
    /// Returns false when the run does not execute in this process.
    @discardableResult
    public func requestCancel(_ id: RunID) -> Bool { activeRuns.request(.cancel, for: id) }

    /// Records a run that is not executing as cancelled (it must not be final).
    public func cancelIdle(_ id: RunID, tenant: String) async throws -> RunRecord {
        guard var record = try await runs.loadRun(id, tenant: tenant) else { throw RuntimeError(.runNotFound, "run \(id) not found") }
        if record.status == .running, leasing.isHeldElsewhere(record.lease) { throw Self.heldElsewhere(record) }
        var lifecycle = RunLifecycle(status: record.status)
        if case .reject(let message) = lifecycle.handle(.cancel) { throw RuntimeError(.notResumable, "run \(id): \(message)") }
        let journal = try await RunJournal.load(runID: id, tenant: tenant, store: runs, sink: sink)
        await journal.emit(RunCancelledEvent(reason: "cancelled while idle"))
        try await journal.flush()
        record.status = lifecycle.status
        record.error = "cancelled"
        record.updatedAt = Date()
        try await runs.updateRun(record)
        return record
    }

    /// The workspace folder of a tenant's session (see ``SessionWorkspaces`` for the layout). Not
    /// created here: the workspace tools create it on first use, so runs that never touch files
    /// cost no file I/O.
    public func workspace(forSession id: String?, tenant: String) -> URL? {
        guard let id, let sessionsRoot else { return nil }
        return SessionWorkspaces(root: sessionsRoot).workspace(session: id, tenant: tenant)
    }

    /// The folder holding all of a tenant's session workspaces (the per-tenant quota adds it up).
    public func workspaces(ofTenant tenant: String) -> URL? {
        sessionsRoot.map { SessionWorkspaces(root: $0).tenantFolder(tenant) }
    }
}
