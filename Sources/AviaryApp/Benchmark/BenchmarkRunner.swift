import AsyncHTTPClient
import AviaryCore
import AviaryModels
import AviaryRuntime
import AviaryStorage
import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// Runs a benchmark workload against the scripted stub LLM and reports the peers' JSON line.
public struct BenchmarkRunner: Sendable {
    /// Benchmark parameters (the peers' flags).
    public struct Options: Sendable {
        public var workload: BenchmarkWorkload
        public var runs: Int
        public var concurrency: Int
        public var warmup: Int
        public var port: Int
        /// Where the durable journal lives (a temporary SQLite file by default).
        public var databasePath: String?

        /// Creates options.
        public init(workload: BenchmarkWorkload = .toolLoop, runs: Int = 2000, concurrency: Int = 1, warmup: Int = 20, port: Int = 18080,
                    databasePath: String? = nil) {
            self.workload = workload
            self.runs = runs
            self.concurrency = concurrency
            self.warmup = warmup
            self.port = port
            self.databasePath = databasePath
        }
    }

    let options: Options
    let progress: @Sendable (String) -> Void

    /// Creates a runner.
    public init(options: Options, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// ``run()``'s result as one line of JSON, the peers' format.
    public func jsonLine() async throws -> String { try await run().jsonString }

    /// Runs warm-up and the measured phase; returns the result line's fields.
    public func run() async throws -> JSONValue {
        let path = options.databasePath ?? FileManager.default.temporaryDirectory.appendingPathComponent("aviary-bench-\(UUID().uuidString).sqlite").path
        defer { if options.databasePath == nil { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } } }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: ProviderHTTPConfiguration.make())
        do {
            let result = try await SQLiteStorage.withStorage(path: path) { storage in try await measure(storage.store, client) }
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func measure(_ store: SQLStore, _ client: HTTPClient) async throws -> JSONValue {
        let transport = AsyncHTTPTransport(client: client)
        let base = "http://127.0.0.1:\(options.port)"
        let model = OpenAIChatModel(configuration: .init(model: "stub-model", baseURL: base + "/v1", apiKey: "x"), transport: transport)
        let workload = options.workload
        let dag = workload == .dag
        let runtime = AgentRuntime(catalog: AgentCatalog(workload.agents), tools: ToolRegistry(dag ? DAGWorkload.tools : BenchmarkWorkload.tools),
                                   models: SingleModelProvider(model, modelID: "stub-model"), runs: store, sessions: store,
                                   programs: dag ? [try DAGWorkload.program()] : [])
        // the dag workload has no model: the stub is not asked (its port is ignored)
        let stub: StubStats? = dag ? nil : StubStats(transport: transport, base: base)

        progress("warm-up: \(options.warmup) runs")
        let warm = try await drive(runtime, count: options.warmup, concurrency: min(options.concurrency, max(options.warmup, 1)))
        if warm.failures > 0 { progress("warm-up had \(warm.failures) failures: \(warm.errors.first ?? "")") }

        try await stub?.reset()
        let cpu0 = SystemCounters.processCPU(), machine0 = SystemCounters.machineCPU(), load1 = SystemCounters.load1()
        let t0 = ContinuousClock.now
        progress("measuring: \(options.runs) runs, concurrency \(options.concurrency)")
        let measured = try await drive(runtime, count: options.runs, concurrency: options.concurrency)
        let wall = Self.seconds(ContinuousClock.now - t0)
        let cpu = SystemCounters.processCPU() - cpu0, machine1 = SystemCounters.machineCPU()
        let stats = try await stub?.read() ?? [:]

        let latencies = measured.latencies.sorted()
        let n = Double(options.runs)
        let stubCPU = (stats["cpu_user_s"]?.numberValue ?? 0) + (stats["cpu_system_s"]?.numberValue ?? 0)
        let top = Dictionary(measured.errors.map { ($0, 1) }, uniquingKeysWith: +).sorted { $0.value > $1.value }.prefix(3)
        return [
            "framework": "aviary", "workload": .string(workload.rawValue), "runs": .number(n), "concurrency": .number(Double(options.concurrency)),
            "wall_s": .number(Self.round(wall, 3)), "runs_per_s": .number(Self.round(n / wall, 1)),
            "p50_ms": .number(Self.round(Self.percentile(latencies, 50), 2)), "p99_ms": .number(Self.round(Self.percentile(latencies, 99), 2)),
            "cpu_s_per_run": .number(Self.round(cpu / n, 6)), "max_rss_mb": .number(Self.round(SystemCounters.maxRSSMB(), 1)),
            "failures": .number(Double(measured.failures)),
            "errors": .array(top.map { .string("\($0.value)x \($0.key)") }),
            "latency_ms": stats["latency_ms"] ?? .number(0),
            "llm_requests_per_run": .number(Self.round((stats["chat_completions"]?.numberValue ?? 0) / n, 2)),
            "stub_cpu_s_per_run": .number(Self.round(stubCPU / n, 6)),
            "other_cpu_s": .number(Self.round((machine1.busy - machine0.busy) - cpu - stubCPU, 2)),
            "steal_cpu_s": .number(Self.round(machine1.steal - machine0.steal, 2)), "load1_start": .number(load1),
        ]
    }

    struct Phase: Sendable {
        var latencies: [Double] = []
        var failures = 0
        var errors: [String] = []
    }

    /// Closed loop: `concurrency` workers each start their next run as soon as the previous ended, until `count` started.
    private func drive(_ runtime: AgentRuntime, count: Int, concurrency: Int) async throws -> Phase {
        guard count > 0 else { return Phase() }
        let next = TicketCounter()
        let workload = options.workload
        let loops = Array(MultiThreadedEventLoopGroup.singleton.makeIterator())
        return await withTaskGroup(of: Phase.self) { group in
            for worker in 0..<max(concurrency, 1) {
                group.addTask {
                    // Spread the workers over the event loops, as a server's connections are: a worker
                    // continues on the loop its I/O completes on, so without this all of them share one.
                    _ = try? await loops[worker % loops.count].submit {}.get()
                    var phase = Phase()
                    while next.take() < count {
                        let start = ContinuousClock.now
                        do {
                            let run = try await runtime.run(workload.request)
                            let text = workload.text(of: run).map(Self.stripped)
                            if run.status != .completed || text != workload.expected {
                                phase.failures += 1
                                phase.errors.append(run.error ?? "unexpected output: \(text ?? "nil")")
                            }
                        } catch {
                            phase.failures += 1
                            phase.errors.append("\(error)")
                        }
                        phase.latencies.append(Self.seconds(ContinuousClock.now - start) * 1000)
                    }
                    return phase
                }
            }
            var total = Phase()
            for await p in group {
                total.latencies += p.latencies
                total.failures += p.failures
                total.errors += p.errors
            }
            return total
        }
    }

    /// The text without leading and trailing whitespace (the peers' `strip()`), without Foundation's bridging.
    static func stripped(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        return String(text[first...last])
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    static func round(_ v: Double, _ places: Int) -> Double { let m = pow(10, Double(places)); return (v * m).rounded() / m }
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// The stub's `/_stats` counters.
struct StubStats: Sendable {
    let transport: any HTTPTransport
    let base: String

    func reset() async throws {
        let r = try await transport.send(HTTPRequestData(method: "POST", url: base + "/_stats/reset"))
        guard r.status == 200 else { throw ConfigurationError("the stub at \(base) did not accept /_stats/reset (HTTP \(r.status))") }
    }

    func read() async throws -> JSONValue {
        let r = try await transport.send(HTTPRequestData(method: "GET", url: base + "/_stats"))
        return (try? JSONValue(parsing: r.body)) ?? [:]
    }
}

/// Hands out increasing tickets to concurrent workers.
final class TicketCounter: Sendable {
    private let value = Mutex(0)
    func take() -> Int { value.withLock { v in defer { v += 1 }; return v } }
}
