/// Iterative (stack-free) walks over a libxml2 subtree, for hostile documents nested thousands
/// of levels deep: following `children`, `next` and `parent` links needs no recursion.
enum HTMLTraversal {
    /// What to do after visiting a node.
    enum Step { case descend, skip, stop }

    /// Visits the descendants of `root` (not `root` itself) in document order. `enter` decides
    /// whether to go into a node; `leave` is called after the children of each node entered.
    static func walk(below root: HTMLNode, enter: (HTMLNode) -> Step, leave: (HTMLNode) -> Void = { _ in }) {
        guard var current = root.firstChild else { return }
        while true {
            switch enter(current) {
            case .stop:
                return
            case .descend:
                if let child = current.firstChild {
                    current = child
                    continue
                }
                leave(current)
            case .skip:
                break
            }
            // Up to the first ancestor with a next sibling, leaving each ancestor on the way.
            var node = current
            while true {
                if let next = node.nextSibling {
                    current = next
                    break
                }
                guard let parent = node.parent, parent != root else { return }
                node = parent
                leave(node)
            }
        }
    }

    /// The first element below `root` satisfying `matches`, not looking inside elements `prune` rejects.
    static func firstElement(below root: HTMLNode, pruning prune: (HTMLNode) -> Bool = { _ in false },
                             where matches: (HTMLNode) -> Bool) -> HTMLNode? {
        var found: HTMLNode?
        walk(below: root) { node in
            guard node.isElement else { return .skip }
            if matches(node) {
                found = node
                return .stop
            }
            return prune(node) ? .skip : .descend
        }
        return found
    }
}
