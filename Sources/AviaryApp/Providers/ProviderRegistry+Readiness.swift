import AviaryCore
import AviaryHTTP
import AviaryModels
import Foundation

extension ProviderRegistry {
    /// One readiness check per provider the agents use: the provider must be configured (key set,
    /// base URL known) and answer `GET <base>/models` within two seconds; otherwise it is `degraded`.
    /// The checks are remote probes (`GET /ready` caches them, one probe at a time per provider)
    /// sent through `probeTransport`, a small pool of their own (``ProviderHTTPConfiguration/makeProbeClient()``),
    /// so probes never take the connections model calls use; at most two are in flight at once.
    func readinessChecks(agents: [AgentDefinition], probeTransport: any HTTPTransport) -> [ReadinessCheck] {
        let probeTransport = ConcurrencyLimitedTransport(base: probeTransport, limit: 2)
        var providers: [String: ModelReference] = [:]
        for agent in agents {
            if let ref = try? reference(for: agent.model) { providers[ref.provider] = providers[ref.provider] ?? ref }
        }
        return providers.sorted { $0.key < $1.key }.map { name, ref in
            ReadinessCheck(name: "provider:\(name)", isRemoteProbe: true) { await self.probe(ref, transport: probeTransport) }
        }
    }

    private func probe(_ ref: ModelReference, transport: any HTTPTransport) async -> (ReadinessCheck.Status, String) {
        do {
            _ = try resolve(ref.description)
        } catch {
            return (.degraded, "\(error)")
        }
        guard let settings = try? providerSettings(ref.provider), let base = settings.baseURL else {
            return (.degraded, "not running")
        }
        let keyEnv = settings.apiKeyEnv ?? ref.provider.uppercased() + "_API_KEY"
        let key = settings.apiKey ?? environment[keyEnv].flatMap { $0.isEmpty ? nil : $0 }
        var headers: [(name: String, value: String)] = []
        if let key {
            if settings.kind == "anthropic" {
                headers = [("x-api-key", key), ("anthropic-version", "2023-06-01")]
            } else {
                headers = [("Authorization", "Bearer \(key)")]
            }
        }
        let url = (base.hasSuffix("/") ? String(base.dropLast()) : base) + (settings.kind == "anthropic" ? "/v1/models" : "/models")
        do {
            let response = try await transport.send(HTTPRequestData(method: "GET", url: url, headers: headers, body: [], timeout: .seconds(2)))
            if (200..<300).contains(response.status) { return (.ok, "reachable") }
            return (.degraded, "answered HTTP \(response.status)")
        } catch {
            return (.degraded, "unreachable")
        }
    }
}
