import AviaryCore
import Foundation

/// `rag_search`: the chunks of a knowledge base that best answer a query, each with its source,
/// heading path and position, so the agent can cite them. Searches the caller's tenant.
public struct RAGSearchTool: Tool {
    /// The knowledge base searched when the model names none.
    public let defaultNamespace: String
    let search: KnowledgeSearch

    /// Creates the tool over a store, with lexical retrieval.
    public init(store: any KnowledgeStore, defaultNamespace: String = "default") {
        self.init(search: KnowledgeSearch(store: store), defaultNamespace: defaultNamespace)
    }

    /// Creates the tool over a search (hybrid when the search has an embedding model).
    public init(search: KnowledgeSearch, defaultNamespace: String = "default") {
        self.search = search
        self.defaultNamespace = defaultNamespace
    }

    public var spec: ToolSpec {
        ToolSpec(name: "rag_search", description: """
            Searches the knowledge base for passages that answer a question. Returns the best passages with their \
            source, heading path and position; cite the source when you use a passage.
            """, parameters: [
                "type": "object",
                "properties": [
                    "query": ["type": "string", "description": "What to look for, in natural language."],
                    "top_k": ["type": "integer", "minimum": 1, "maximum": 20, "description": "How many passages (default 5)."],
                    "namespace": ["type": "string", "description": .string("The knowledge base (default: \(defaultNamespace)).")],
                    "filters": ["type": "object", "description": """
                        Conditions on the passages' metadata: {"product": "pos"}, {"product": {"$in": ["pos", "link"]}}, \
                        {"price": {"$lt": 50}}, {"published": {"$gte": "2024-01-01"}}.
                        """],
                ],
                "required": ["query"],
                "additionalProperties": false,
            ])
    }

    public var policy: ToolPolicy { ToolPolicy(timeout: 10, idempotent: true) }

    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        guard let query = arguments["query"]?.stringValue, !query.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ToolError.invalidArguments("query: expected the question to search for")
        }
        let namespace = arguments["namespace"]?.stringValue ?? defaultNamespace
        let topK = arguments["top_k"]?.intValue ?? 5
        let results: KnowledgeResults
        do {
            results = try await search.retrieve(query, namespace: namespace, tenant: context.tenant, topK: min(topK, 20), filters: arguments["filters"])
        } catch let error as KnowledgeFilterError {
            throw ToolError.invalidArguments(error.message)
        }
        return ToolOutput(results.json(query: query, namespace: namespace))
    }
}
