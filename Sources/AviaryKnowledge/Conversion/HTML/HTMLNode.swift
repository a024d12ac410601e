import CLibXML2

/// A borrowed node of a libxml2 tree, valid only while its document is (see ``HTMLParser``).
///
/// Reads the C structures directly, allocating nothing on libxml2's side: attribute values are
/// read from their text children rather than with `xmlGetProp`, whose result would need `xmlFree`.
struct HTMLNode: Equatable {
    /// What a node is, as far as conversion cares.
    enum Kind { case element, text, other }

    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    /// The node `pointer` points to, nil for NULL.
    static func at(_ pointer: xmlNodePtr?) -> HTMLNode? {
        pointer.map(HTMLNode.init)
    }

    var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        default: return .other
        }
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The element's lowercase tag name ("" for other nodes).
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        let tag = String(cString: name)
        // libxml2's HTML parser lowercases tag names already; this only costs when it did not.
        return tag.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? tag.lowercased() : tag
    }

    /// A text node's text ("" for other nodes).
    var text: String {
        guard kind == .text, let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    var firstChild: HTMLNode? { .at(pointer.pointee.children) }
    var nextSibling: HTMLNode? { .at(pointer.pointee.next) }
    var parent: HTMLNode? { .at(pointer.pointee.parent) }

    /// The value of the attribute `name` (lowercase), "" for an attribute without a value, nil when absent.
    func attribute(_ name: String) -> String? {
        guard isElement else { return nil }
        var attribute = pointer.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let attributeName = current.pointee.name, Self.isASCIICaseInsensitiveEqual(attributeName, name) else { continue }
            var value = ""
            var child = current.pointee.children
            while let node = child {
                if let content = node.pointee.content { value += String(cString: content) }
                child = node.pointee.next
            }
            return value
        }
        return nil
    }

    /// The element children, in document order.
    var elementChildren: [HTMLNode] {
        var children: [HTMLNode] = []
        var child = firstChild
        while let current = child {
            if current.isElement { children.append(current) }
            child = current.nextSibling
        }
        return children
    }

    static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool { lhs.pointer == rhs.pointer }

    /// Whether the C string `cName` is `name` (lowercase ASCII), ignoring ASCII case, without
    /// making a Swift string of it.
    private static func isASCIICaseInsensitiveEqual(_ cName: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var offset = 0
        for byte in name.utf8 {
            var other = cName[offset]
            if other >= 0x41 && other <= 0x5A { other += 0x20 }
            guard other == byte else { return false }
            offset += 1
        }
        return cName[offset] == 0
    }
}
