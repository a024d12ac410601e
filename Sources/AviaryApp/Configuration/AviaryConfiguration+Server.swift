import AviaryHTTP

extension AviaryConfiguration {
    /// Applies `aviary serve`'s flags: each given value replaces the configured one.
    public mutating func overrideServer(host: String?, port: Int?, chatAgent: String?) {
        if let host { server.host = host }
        if let port { server.port = port }
        if let chatAgent { server.chatAgent = chatAgent }
    }
}
