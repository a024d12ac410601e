import AviaryCore
import AviaryRuntime
import AviaryWorkflows
import Foundation

/// Reloads a project's agents (`agents/*.yaml`) and workflows (`workflows/*.yaml`) while it is
/// served. Each file is loaded and checked on its own: a file that fails keeps the last good
/// version of what it defined (and the problem is reported), a removed file's definition goes,
/// an added or edited file's comes in. Tools are not reloaded (they are fixed at start).
public struct ProjectReloader: Sendable {
    /// The project folder.
    public let root: URL
    /// The project's tools.
    public let tools: ToolRegistry

    /// What is loaded, by file (project-relative path).
    public struct Definitions: Sendable {
        /// Agents by the file that defines them.
        public var agents: [String: AgentDefinition]
        /// Workflows by the file that defines them.
        public var workflows: [String: WorkflowDefinition]

        /// The agents as a catalog.
        public var catalog: AgentCatalog { AgentCatalog(Array(agents.values)) }

        /// No definitions.
        public static let none = Definitions(agents: [:], workflows: [:])
    }

    /// The outcome of one reload.
    public struct Outcome: Sendable {
        /// The definitions to serve from now on.
        public var definitions: Definitions
        /// What changed, one line each (`workflow order: updated (workflows/order.yaml)`).
        public var changes: [String]
        /// Problems in files that kept their last good version (or were not taken), one line each.
        public var problems: [String]
    }

    /// The configuration's model profiles, which agent nodes' `model_profile` may name.
    public let configuration: AviaryConfiguration?

    /// Creates a reloader; with `configuration`, agent nodes' `model_profile` is checked against its profiles.
    public init(root: URL, tools: ToolRegistry, configuration: AviaryConfiguration? = nil) {
        self.root = root
        self.tools = tools
        self.configuration = configuration
    }

    /// Loads the files again on top of `previous`.
    public func reload(_ previous: Definitions) -> Outcome {
        var problems: [String] = []
        var changes: [String] = []
        var agents = load("agents", previous: previous.agents, kind: "agent", name: \.name, problems: &problems) {
            try AgentLoader().load(yaml: $0, file: $1, defaultName: $2)
        }
        var workflows = load("workflows", previous: previous.workflows, kind: "workflow", name: \.name, problems: &problems) {
            try WorkflowLoader().load(yaml: $0, file: $1, defaultName: $2)
        }
        // cross-references, to a fixed point: a definition that fails goes back to its last good
        // version (checked again in the next round) or, without one, is not served
        let previousAgentNames = Set(previous.agents.values.map(\.name))
        for _ in 0..<8 {
            var changed = false
            let agentNames = Set(agents.values.map(\.name)), workflowNames = Set(workflows.values.map(\.name))
            for (file, agent) in agents.sorted(by: { $0.key < $1.key }) {
                let unknown = agent.tools.map(ToolReference.init).filter { !$0.isOptional }.map(\.name).filter {
                    !agentNames.contains($0) && !workflowNames.contains($0) && tools.matching($0).isEmpty && tools.tool(named: $0) == nil
                }
                let strange = unknown.filter { tools.unavailable[$0] == nil }
                var why: String?
                if !strange.isEmpty { why = "field 'tools': unknown tool, agent or workflow '\(strange.joined(separator: "', '"))'" }
                else if let missing = unknown.first.flatMap({ tools.unavailable[$0] }) { why = missing.problem(agent: agent.name) }
                else if tools.tool(named: agent.name) != nil { why = "field 'name': '\(agent.name)' is already used by a tool" }
                else if workflowNames.contains(agent.name), !previousAgentNames.contains(agent.name) {
                    why = "field 'name': '\(agent.name)' is already used by a workflow"
                }
                guard let why else { continue }
                problems.append("\(file): \(why)")
                agents[file] = previous.agents[file].flatMap { $0 == agent ? nil : $0 }
                changed = true
            }
            var validator = WorkflowValidator(agents: Set(agents.values.map(\.name)), tools: Set(tools.names), workflows: workflowNames)
            validator.unavailableTools = tools.unavailable
            for (file, workflow) in workflows.sorted(by: { $0.key < $1.key }) {
                let found = validator.problems(in: workflow).map(\.description)
                    + (configuration.map { ProjectLoader.modelProblems(workflow, configuration: $0) } ?? [])
                guard !found.isEmpty else { continue }
                problems += found
                workflows[file] = previous.workflows[file].flatMap { $0.source == workflow.source ? nil : $0 }
                changed = true
            }
            if !changed { break }
        }
        problems = problems.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        changes += Self.changes(previous.agents, agents, kind: "agent", name: \.name, same: { $0 == $1 })
        changes += Self.changes(previous.workflows, workflows, kind: "workflow", name: \.name, same: { $0.source == $1.source })
        return Outcome(definitions: Definitions(agents: agents, workflows: workflows), changes: changes, problems: problems)
    }

    /// A fingerprint of the agent and workflow files (names, sizes, modification times): a reload
    /// is needed when it changes.
    public func fingerprint() -> [String] {
        (files("agents") + files("workflows")).map { file, url in
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(file) \(size) \(modified)"
        }
    }

    private func files(_ folder: String) -> [(String, URL)] {
        YAMLFolder.files(in: root.appendingPathComponent(folder, isDirectory: true)).map { ("\(folder)/\($0.lastPathComponent)", $0) }
    }

    /// Loads a folder's files one by one (`parse(text, file, default name)`): a file that fails
    /// keeps what it defined before; then a name defined twice stays with the file that had it.
    private func load<T>(_ folder: String, previous: [String: T], kind: String, name: KeyPath<T, String>, problems: inout [String],
                         parse: (String, String, String) throws -> T) -> [String: T] {
        var loaded: [String: T] = [:]
        for (file, url) in files(folder) {
            do {
                loaded[file] = try parse(try String(contentsOf: url, encoding: .utf8), file, url.deletingPathExtension().lastPathComponent)
            } catch {
                problems.append("\(error)")
                if let kept = previous[file] { loaded[file] = kept }
            }
        }
        return dropDuplicates(loaded, previous: previous, kind: kind, name: name, problems: &problems)
    }

    /// Two files defining one name: the file that defined it before keeps it.
    private func dropDuplicates<T>(_ loaded: [String: T], previous: [String: T], kind: String, name: KeyPath<T, String>,
                                   problems: inout [String]) -> [String: T] {
        var byName: [String: String] = [:]
        var kept = loaded
        for file in loaded.keys.sorted(by: { (previous[$0] != nil ? 0 : 1, $0) < (previous[$1] != nil ? 0 : 1, $1) }) {
            let n = loaded[file]![keyPath: name]
            if let other = byName[n] {
                problems.append("\(file): field 'name': \(kind) '\(n)' is already defined in \(other)")
                kept[file] = nil
            } else {
                byName[n] = file
            }
        }
        return kept
    }

    private static func changes<T>(_ before: [String: T], _ after: [String: T], kind: String, name: KeyPath<T, String>,
                                   same: (T, T) -> Bool) -> [String] {
        var lines: [String] = []
        for file in Set(before.keys).union(after.keys).sorted() {
            switch (before[file], after[file]) {
            case (nil, let new?): lines.append("\(kind) \(new[keyPath: name]): added (\(file))")
            case (let old?, nil): lines.append("\(kind) \(old[keyPath: name]): removed (\(file))")
            case (let old?, let new?) where !same(old, new): lines.append("\(kind) \(new[keyPath: name]): updated (\(file))")
            default: break
            }
        }
        return lines
    }
}
