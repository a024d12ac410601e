import AviaryCore
import AviaryRuntime
import Hummingbird

/// `GET /api/v1/agents?capability=&cost_tier=&status=`: the agent registry. Drafts are listed
/// only for admins and developers.
struct AgentRoutes {
    let env: RouteEnvironment

    func register(on router: RouteRecorder) {
        router.get("/api/v1/agents") { request, context in try list(request, context) }
    }

    func list(_ request: Request, _ context: AviaryRequestContext) throws -> Response {
        let identity = try context.requireIdentity()
        var tier: AgentDefinition.CostTier?
        if let t = request.query("cost_tier") {
            guard let parsed = AgentDefinition.CostTier(rawValue: t) else {
                throw APIError.badRequest("invalid_query", "cost_tier must be one of low, medium, high")
            }
            tier = parsed
        }
        var status: AgentDefinition.Status?
        if let s = request.query("status") {
            guard let parsed = AgentDefinition.Status(rawValue: s) else { throw APIError.badRequest("invalid_query", "status must be draft or published") }
            status = parsed
        }
        let capability = request.query("capability")
        let agents = env.runtime.catalog.all
            .filter { $0.status == .published || identity.role.isBuilder }
            .filter { capability == nil || $0.capabilities.contains(capability!) }
            .filter { tier == nil || $0.costTier == tier }
            .filter { status == nil || $0.status == status }
            .sorted { $0.name < $1.name }
        return Response.json(["agents": .array(agents.map(\.wire))])
    }
}

extension AgentDefinition {
    /// The agent as the registry shows it.
    var wire: JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(name), "description": .string(description), "kind": .string(kind.rawValue),
            "capabilities": .array(capabilities.map { .string($0) }), "cost_tier": .string(costTier.rawValue),
            "tools": .array(tools.map { .string($0) }), "version": .string(version), "status": .string(status.rawValue),
        ]
        if let model { object["model"] = .string(model) }
        if let outputSchema { object["output_schema"] = outputSchema }
        return .object(object)
    }
}
