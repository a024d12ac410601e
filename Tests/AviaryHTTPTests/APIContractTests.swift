import AviaryCore
import AviaryHTTP
import Foundation
import NIOHTTP1
import Testing

/// The HTTP API's contract: the routes the server registers and the operations `openapi.yaml`
/// documents agree in both directions, and the checker that `ServerFixture` runs on every response
/// of this suite catches what it must.
@Suite struct APIContractTests {
    let contract = APIContract.bundled

    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model()) { fx in
            #expect(contract.undocumented(fx.routes) == [], "routes the server registers that openapi.yaml does not document")
            #expect(contract.unrouted(fx.routes) == [], "operations openapi.yaml documents that no route serves")
            // The recorded routes are the router's: each documented operation reaches a handler.
            let key = try await fx.key(role: .admin)
            for operation in contract.document.operations.sorted() {
                let path = operation.path.replacingOccurrences(of: "{id}", with: "x") + (operation.path.hasSuffix("/events") ? "?follow=false" : "")
                let result = try await fx.call(HTTPMethod(rawValue: operation.method), path, key: key)
                #expect(result.status != 405, "\(operation) answers 405")
                #expect(result.json?["error"]?["message"]?.stringValue?.hasPrefix("no route") != true, "\(operation) is documented but not routed")
            }
        }
    }

    @Test func methodsAPathDoesNotServeAnswer405WithAllow() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model()) { fx in
            let health = try await fx.call(.DELETE, "/health")
            #expect(health.status == 405)
            #expect(health.headers["Allow"].first == "GET")
            #expect(health.errorCode == "method_not_allowed")
            let key = try await fx.key(role: .admin)
            let run = try await fx.call(.PUT, "/api/v1/runs/run_x", key: key)
            #expect(run.status == 405)
            #expect(run.headers["Allow"].first == "DELETE, GET")
            let session = try await fx.call(.POST, "/sessions/s1", key: key)
            #expect(session.headers["Allow"].first == "DELETE, GET")
            for method: HTTPMethod in [.OPTIONS, .TRACE] {
                #expect(try await fx.call(method, "/api/v1/agents", key: key).status == 405, "\(method)")
            }
            // Credentials are still checked first on a protected path.
            #expect(try await fx.call(.PUT, "/api/v1/runs/run_x").status == 401)
        }
    }

    // MARK: The checker itself

    @Test func anUndocumentedRouteAndAnUnroutedOperationAreReported() {
        var routes = Array(contract.document.operations)
        let extra = OpenAPIDocument.Operation(method: "GET", path: "/api/v1/secret")
        routes.append(extra)
        #expect(contract.undocumented(routes) == [extra])
        let dropped = OpenAPIDocument.Operation(method: "POST", path: "/chat")
        routes.removeAll { $0 == dropped }
        #expect(contract.unrouted(routes) == [dropped])
    }

    @Test func requestPathsResolveToTheirTemplates() {
        #expect(contract.operation(method: "GET", path: "/api/v1/runs/run_1/events?follow=false")?.path == "/api/v1/runs/{id}/events")
        #expect(contract.operation(method: "GET", path: "/api/v1/runs?limit=2")?.path == "/api/v1/runs")
        #expect(contract.operation(method: "POST", path: "/api/v1/runs/run_1/cancel")?.path == "/api/v1/runs/{id}/cancel")
        #expect(contract.operation(method: "GET", path: "/api/v1/nothing") == nil)
    }

    @Test func aResponseThatBreaksItsSchemaIsReported() {
        let json = "application/json"
        let headers = ["x-request-id": "r1"]
        let good = #"{"status":"ok"}"#
        #expect(contract.violations(method: "GET", path: "/health", status: 200, contentType: json, headers: headers, body: good) == [])
        let wrongType = contract.violations(method: "GET", path: "/health", status: 200, contentType: json, headers: headers, body: #"{"status":7}"#)
        #expect(!wrongType.isEmpty)
        let undocumentedStatus = contract.violations(method: "GET", path: "/health", status: 418, contentType: json, headers: headers, body: good)
        #expect(undocumentedStatus.first?.contains("not documented") == true)
        let wrongMedia = contract.violations(method: "GET", path: "/health", status: 200, contentType: "text/html", headers: headers, body: "<p>")
        #expect(wrongMedia.first?.contains("content type") == true)
        let badError = contract.violations(method: "GET", path: "/api/v1/runs/x", status: 404, contentType: json, headers: headers,
                                           body: #"{"error":"not found"}"#)
        #expect(!badError.isEmpty)
        let unknownOperation = contract.violations(method: "GET", path: "/nowhere/at/all", status: 200, contentType: json, headers: headers, body: good)
        #expect(!unknownOperation.isEmpty)
    }

    @Test func runEventFramesAreCheckedExactly() {
        func check(kind: String, sequence: Int?, data: JSONValue) -> [String] {
            var event: [String: JSONValue] = ["run_id": "run_1", "kind": .string(kind), "timestamp": "2025-01-15T10:21:04.880Z", "data": data]
            if let sequence { event["sequence"] = .number(Double(sequence)) }
            return contract.frameViolations(method: "GET", path: "/api/v1/runs/run_1/events", status: 200, data: JSONValue.object(event).jsonString)
        }
        let usage: JSONValue = ["input_tokens": 1, "output_tokens": 2, "cost_usd": 0, "requests": 1]
        #expect(check(kind: "run.finished", sequence: 4, data: ["output": "Hello!", "usage": usage]) == [])
        #expect(!check(kind: "run.finished", sequence: 4, data: ["output": "Hello!"]).isEmpty, "usage is required")
        #expect(!check(kind: "run.finished", sequence: 4, data: ["output": "Hello!", "usage": usage, "surprise": true]).isEmpty,
                "no undocumented fields")
        #expect(!check(kind: "run.exploded", sequence: 4, data: [:]).isEmpty, "no undocumented kinds")
        #expect(!check(kind: "run.finished", sequence: nil, data: ["output": "Hello!", "usage": usage]).isEmpty,
                "a stored event carries its sequence")
        #expect(check(kind: "model.delta", sequence: nil, data: ["step": "turn/1/model", "text": "He"]) == [])
        #expect(!check(kind: "model.delta", sequence: 3, data: ["step": "turn/1/model", "text": "He"]).isEmpty,
                "a transient event carries no sequence")
        #expect(contract.frameViolations(method: "GET", path: "/api/v1/runs/run_1/events", status: 200, data: "not json")
            .first?.contains("not JSON") == true)
    }

    @Test func theServedDocumentIsTheBundledOne() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model()) { fx in
            let served = try await fx.call(.GET, "/openapi.json")
            #expect(served.status == 200)
            #expect(served.json == contract.document.value)
            #expect(served.json?["openapi"]?.stringValue == "3.1.0")
        }
    }
}
