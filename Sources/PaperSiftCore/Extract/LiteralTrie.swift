/// Builds a PCRE2 alternation of literals factored as a trie (`Go(?:ogle|ldman)` rather than
/// `Google|Goldman`), so the matcher branches once per character instead of trying every literal
/// at every position. Longer literals win over their prefixes, as in a longest-first alternation.
public enum LiteralTrie {
    /// A node: its children (scalar, node index) and whether a literal ends here. Nodes live in
    /// one array, so building and dropping a trie of thousands of nodes is cheap.
    struct Node {
        var children: [(scalar: UInt32, node: Int)] = []
        var terminal = false
    }

    /// The alternation (without an enclosing group) matching exactly the given literals.
    /// A space inside a literal matches any run of white space.
    public static func alternation(of literals: [String]) -> String {
        var nodes = [Node()]
        for literal in Set(literals) where !literal.isEmpty {
            var node = 0
            for s in literal.unicodeScalars {
                if let child = nodes[node].children.first(where: { $0.scalar == s.value }) {
                    node = child.node
                } else {
                    nodes.append(Node())
                    nodes[node].children.append((s.value, nodes.count - 1))
                    node = nodes.count - 1
                }
            }
            nodes[node].terminal = true
        }
        var out = String.UnicodeScalarView()
        emit(0, nodes, into: &out)
        return String(out)
    }

    /// The positions where the alternation of `literals` can begin a match (see `StartFilter`):
    /// each literal's first three bytes, a space standing for any run of ASCII white space, at a
    /// word start (`atWordStart`) or anywhere; the `anywhere` literals anywhere in any case. Nil
    /// when a literal starts with a space.
    public static func startFilter(of literals: [String], atWordStart: Bool, anywhere: [String] = []) -> StartFilter? {
        let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
        var filter = StartFilter()
        for (literal, wordStart) in literals.map({ ($0, atWordStart) }) + anywhere.map({ ($0, false) }) where !literal.isEmpty {
            let bytes = Array(literal.utf8)
            if bytes[0] == 0x20 { return nil }
            // The bytes each of the first three positions may hold; after a space, more space may follow.
            var positions: [Set<UInt8>] = []
            for (i, b) in bytes.prefix(3).enumerated() {
                if b == 0x20 { positions.append(space) }
                else if i > 0, bytes[i - 1] == 0x20 { positions.append(space.union([b])) }
                else { positions.append([b]) }
            }
            var prefixes: [[UInt8]] = [[]]
            for options in positions { prefixes = prefixes.flatMap { p in options.map { p + [$0] } } }
            for p in prefixes { filter.allow(prefix: p, atWordStart: wordStart) }
        }
        return filter
    }

    private static func emit(_ index: Int, _ nodes: [Node], into out: inout String.UnicodeScalarView) {
        let node = nodes[index]
        guard !node.children.isEmpty else { return }
        // A terminal node with children: the longer continuation is tried first, then the end here.
        if node.terminal { out.append(contentsOf: "(?:".unicodeScalars) }
        let children = node.children.sorted { $0.scalar < $1.scalar }
        if children.count > 1 { out.append(contentsOf: "(?:".unicodeScalars) }
        for (i, child) in children.enumerated() {
            if i > 0 { out.append("|") }
            escape(Unicode.Scalar(child.scalar)!, into: &out)
            emit(child.node, nodes, into: &out)
        }
        if children.count > 1 { out.append(")") }
        if node.terminal { out.append(contentsOf: ")?".unicodeScalars) }
    }

    private static func escape(_ s: Unicode.Scalar, into out: inout String.UnicodeScalarView) {
        switch s {
        case " ": out.append(contentsOf: "\\s+".unicodeScalars)
        case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "#", "-":
            out.append("\\")
            out.append(s)
        default: out.append(s)
        }
    }
}
