import AviaryCore

/// What every adapter does around its wire format: send with retries, map statuses and transport
/// failures to ``ProviderError``, parse JSON bodies, open SSE streams.
struct ProviderClient: Sendable {
    let provider: String
    let apiKeyVariable: String?
    let transport: any HTTPTransport
    let retryPolicy: RetryPolicy

    /// Sends `request` (retrying retryable failures) and returns the parsed 2xx JSON body.
    func sendJSON(_ request: HTTPRequestData) async throws -> JSONValue {
        let response = try await retryPolicy.run {
            let response = try await wrapTransport { try await transport.send(request) }
            guard response.isSuccess else {
                throw ProviderError.http(provider: provider, status: response.status, headers: response.headers,
                                         body: response.body, apiKeyVariable: apiKeyVariable)
            }
            return response
        }
        do {
            return try JSONValue(parsing: response.body)
        } catch {
            throw ProviderError.invalidResponse(provider: provider, reason: "body is not JSON (\(error))",
                                                body: response.body)
        }
    }

    /// Opens a streamed request (retrying failures before the first byte) and returns its 2xx body.
    func openStream(_ request: HTTPRequestData) async throws -> AsyncThrowingStream<[UInt8], any Error> {
        try await retryPolicy.run {
            let response = try await wrapTransport { try await transport.stream(request) }
            guard response.isSuccess else {
                let body = (try? await response.collectBody(upTo: 64 << 10)) ?? []
                throw ProviderError.http(provider: provider, status: response.status, headers: response.headers,
                                         body: body, apiKeyVariable: apiKeyVariable)
            }
            return response.body
        }
    }

    /// Runs a transport call, turning foreign errors (not cancellation) into ``ProviderError/Kind/transport``.
    func wrapTransport<T>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as ProviderError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw ProviderError.transport(provider: provider, underlying: error)
        }
    }

    /// The conventional key variable of a provider: `<PROVIDER>_API_KEY`, non-alphanumerics as `_`.
    static func defaultKeyVariable(_ provider: String) -> String {
        provider.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.reduce(into: "") { $0.append($1) } + "_API_KEY"
    }

    /// Throws ``ProviderError/Kind/missingAPIKey`` when a required key is absent (`setting`: the
    /// aviary.yaml key that could hold it, default `providers.<provider>.api_key`).
    static func checkAPIKey(_ key: String?, required: Bool, provider: String, variable: String, setting: String? = nil) throws {
        if required, key?.isEmpty ?? true {
            throw ProviderError.missingAPIKey(provider: provider, environmentVariable: variable, setting: setting)
        }
    }
}
