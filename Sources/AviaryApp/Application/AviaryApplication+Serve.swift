import AsyncHTTPClient
import AviaryCore
import AviaryHTTP
import AviaryWorkflows
import AviaryModels
import AviaryObservability
import AviaryOTel
import AviaryRuntime
import AviaryStorage
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

extension AviaryApplication {
    /// Options for `aviary serve` beyond the project configuration.
    public struct ServeOptions: Sendable {
        /// Called with the bound port once the server listens.
        public var onBound: @Sendable (Int) async -> Void
        /// Handle graceful shutdown on SIGTERM / SIGINT (off in tests, which trigger it themselves).
        public var handleSignals: Bool
        /// Extra sinks for run events (in addition to the live hub).
        public var sinks: [any EventSink]
        /// Called with the service group once it exists (tests use it to trigger graceful shutdown).
        public var onServiceGroup: @Sendable (ServiceGroup) async -> Void

        /// Creates options.
        public init(onBound: @escaping @Sendable (Int) async -> Void = { _ in }, handleSignals: Bool = true,
                    sinks: [any EventSink] = [], onServiceGroup: @escaping @Sendable (ServiceGroup) async -> Void = { _ in }) {
            self.onBound = onBound
            self.handleSignals = handleSignals
            self.sinks = sinks
            self.onServiceGroup = onServiceGroup
        }
    }

    /// Runs `aviary serve` until graceful shutdown: loads the project, opens the store, and runs
    /// the HTTP server, the run supervisor and (with a `retention:` period) the
    /// ``RunRetentionService`` in one `ServiceGroup`. On SIGTERM/SIGINT executing
    /// runs stop at their next step boundary (status `interrupted`, resumable) before the server drains.
    public static func serve(_ configuration: AviaryConfiguration, options: Options = Options(), serve: ServeOptions = ServeOptions()) async throws {
        let hub = RunEventHub()
        let metrics = AviaryMetrics()
        let tracing: OTLPTracingBackend
        do { tracing = try OTLPTracingBackend.make(environment: options.environment, logger: options.logger) } catch {
            throw ConfigurationError("OpenTelemetry export: \(error)")
        }
        var appOptions = options
        appOptions.keepsLexicalIndexes = true
        appOptions.sink = MulticastEventSink([hub, MetricsEventSink(metrics: metrics), TracingEventSink(tracer: tracing.tracer)]
                                             + serve.sinks + (options.sink.map { [$0] } ?? []))
        try await with(configuration, options: appOptions) { app in
            var server = configuration.server
            if server.chatAgent.isEmpty { server.chatAgent = try app.project.chatAgent().name }
            if let name = server.chatWorkflow {
                guard let workflow = app.project.workflows.first(where: { $0.name == name }) else {
                    throw ConfigurationError("aviary.yaml: server.chat_workflow: no workflow named '\(name)' in workflows/")
                }
                guard workflow.hil != nil else {
                    throw ConfigurationError("aviary.yaml: server.chat_workflow: workflow '\(name)' has no hil_config, so it does not answer conversations")
                }
            }
            let supervisor = RunSupervisor(runtime: app.runtime, resumeInterrupted: server.resumeInterruptedRuns, logger: options.logger)
            let store = app.store
            await warnAboutSharedKeyPrincipals(store, logger: options.logger)
            var readiness = [ReadinessCheck(name: "store") {
                do {
                    _ = try await store.listRuns(RunQuery(tenant: "__readiness__", limit: 1))
                    return (.ok, "reachable")
                } catch {
                    return (.failed, "\(error)")
                }
            }]
            let probeClient = ProviderHTTPConfiguration.makeProbeClient()
            // The probes' own small pool, shut down on every path out.
            do {
                if options.modelProvider == nil {
                    readiness += app.providers.readinessChecks(agents: app.project.catalog.all,
                                                               probeTransport: AsyncHTTPTransport(client: probeClient, defaultTimeout: .seconds(5)))
                }
                let dependencies = ServerDependencies(runtime: app.runtime, supervisor: supervisor, runs: store, sessions: store, keys: store,
                                                      hub: hub, readiness: readiness, metrics: PrometheusServerMetrics(metrics: metrics),
                                                      tracer: tracing.isExporting ? tracing.tracer : nil, logger: options.logger,
                                                      conversations: store, knowledge: store, knowledgeSearch: app.knowledgeSearch)
                let httpServer = try await AviaryServer(configuration: server, dependencies: dependencies)
                // finished runs' events and journals pruned by `retention:`, only when some period is limited
                let retention: [any Service] = configuration.retention.prunesAnything
                    ? [RunRetentionService(policy: configuration.retention, store: store, logger: options.logger)] : []
                // agent and workflow files edited while serving
                let reload: [any Service] = server.reloadInterval.map {
                    [ProjectReloadService(reloader: ProjectReloader(root: configuration.projectDirectory, tools: app.project.tools,
                                                                    configuration: configuration),
                                          runtime: app.runtime, interval: $0, clock: ContinuousClock(), logger: options.logger)]
                } ?? []
                // conversations: SLA, queue drain, AI turns left by a stopped process
                let hil: [any Service] = server.hilCheckInterval.map {
                    [HILService(orchestrator: ConversationOrchestrator(store: store, runtime: app.runtime, signals: dependencies.signals),
                                interval: $0, clock: ContinuousClock(), logger: options.logger)]
                } ?? []
                let group = ServiceGroup(configuration: .init(
                    // shut down in reverse: conversations and pruning stop, runs suspend, then the server drains, then spans flush
                    services: ([tracing.service] + httpServer.services(onBound: serve.onBound) + retention + reload + hil).map { .init(service: $0) },
                    gracefulShutdownSignals: serve.handleSignals ? [.sigterm, .sigint] : [],
                    logger: options.logger))
                await serve.onServiceGroup(group)
                if tracing.isExporting { options.progress("aviary serve: exporting traces over OTLP/HTTP") }
                let chat = server.chatWorkflow.map { "chat workflow '\($0)'" } ?? "chat agent '\(server.chatAgent)'"
                options.progress("aviary serve: project \(configuration.projectDirectory.path), \(chat), http://\(server.host):\(server.port)")
                try await group.run()
            } catch {
                try? await probeClient.shutdown()
                throw error
            }
            try await probeClient.shutdown()
        }
    }

    /// Warns once per principal that several active API keys of a tenant act as: each such key
    /// sees, cancels and erases the others' runs and sessions (keys created before key principals
    /// were unique, or deliberately given one `--principal`).
    public static func warnAboutSharedKeyPrincipals(_ keys: any APIKeyStore, logger: Logger) async {
        let shared: [SharedKeyPrincipal]
        do { shared = try await keys.sharedKeyPrincipals() } catch {
            logger.warning("could not check API keys for shared principals", metadata: ["error": .string("\(error)")])
            return
        }
        for finding in shared {
            logger.warning("""
                \(finding.keys) active API keys share one principal and so see, cancel and erase each other's runs and sessions; \
                unless that is intended, create a key per client (`aviary keys create` without --principal) and revoke these \
                (`aviary keys list --tenant \(finding.tenant)`, `aviary keys revoke`)
                """, metadata: ["tenant": .string(finding.tenant), "principal": .string(finding.principal)])
        }
    }
}
