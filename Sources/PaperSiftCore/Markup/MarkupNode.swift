import CLibXML2

/// A node of a `MarkupDocument` (which it keeps alive): element, text, or another kind.
///
/// Traversals are iterative, so deeply nested pages cannot exhaust the stack, and they never
/// descend into entity references (their replacement text is not expanded).
public struct MarkupNode {
    let document: MarkupDocument
    let pointer: xmlNodePtr

    public enum Kind: Sendable { case element, text, entityReference, other }

    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        case XML_ENTITY_REF_NODE: return .entityReference
        default: return .other
        }
    }

    /// The local name (lower case for HTML elements, as libxml2 reports them).
    public var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI of an XML element, or nil.
    public var namespaceURI: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The 1-based line where the node starts in the source.
    public var line: Int { Int(xmlGetLineNo(pointer)) }

    /// The value of an attribute (entities decoded), or nil when absent.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { papersift_xml_free(value) }
        return String(cString: value)
    }

    /// Whether the node is an element named `name` in namespace `namespace` (any namespace when nil).
    public func isElement(_ name: String, namespace: String? = nil) -> Bool {
        kind == .element && self.name == name && (namespace == nil || namespaceURI == namespace)
    }

    /// The parent element, or nil at the root.
    public var parent: MarkupNode? {
        guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return MarkupNode(document: document, pointer: p)
    }

    /// The child nodes, in document order.
    public var children: [MarkupNode] {
        var out: [MarkupNode] = []
        guard kind == .element else { return out }
        var child = pointer.pointee.children
        while let c = child {
            out.append(MarkupNode(document: document, pointer: c))
            child = c.pointee.next
        }
        return out
    }

    /// The child elements named `name` (in `namespace` when given).
    public func children(named name: String, namespace: String? = nil) -> [MarkupNode] {
        children.filter { $0.isElement(name, namespace: namespace) }
    }

    /// The first child element named `name` (in `namespace` when given).
    public func firstChild(named name: String, namespace: String? = nil) -> MarkupNode? {
        children.first { $0.isElement(name, namespace: namespace) }
    }

    /// The text of the node and its descendants, concatenated as written (no whitespace
    /// cleaning); an unexpanded entity reference is kept as `&name;`.
    public var text: String {
        var bytes: [UInt8] = []
        walk(enter: { node in
            switch node.kind {
            case .text: node.appendContent(to: &bytes)
            case .entityReference: bytes.append(0x26); bytes.append(contentsOf: node.name.utf8); bytes.append(0x3B)
            case .element, .other: break
            }
            return true
        }, leave: { _ in })
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The node serialised back to markup (for rejected records).
    public var markup: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        _ = xmlNodeDump(buffer, document.pointer, pointer, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// The text of a text node itself (empty for other kinds).
    public var ownText: String {
        var bytes: [UInt8] = []
        if kind == .text { appendContent(to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendContent(to bytes: inout [UInt8]) {
        guard let content = pointer.pointee.content else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    /// Visits this node and its descendants in document order. `enter` returns whether to
    /// descend into an element's children; `leave` is called once for every entered node, after
    /// its children.
    public func walk(enter: (MarkupNode) throws -> Bool, leave: (MarkupNode) throws -> Void) rethrows {
        let top = pointer
        var node = top
        outer: while true {
            let current = MarkupNode(document: document, pointer: node)
            if try enter(current), current.kind == .element, let child = node.pointee.children {
                node = child
                continue
            }
            try leave(current)
            while true {
                if node == top { break outer }
                if let next = node.pointee.next { node = next; continue outer }
                guard let parent = node.pointee.parent else { break outer }
                node = parent
                try leave(MarkupNode(document: document, pointer: node))
            }
        }
    }

    /// Every element below this node (this one included) for which `predicate` holds, in document order.
    public func elements(where predicate: (MarkupNode) -> Bool) -> [MarkupNode] {
        var out: [MarkupNode] = []
        walk(enter: { node in
            if node.kind == .element, predicate(node) { out.append(node) }
            return true
        }, leave: { _ in })
        return out
    }
}
