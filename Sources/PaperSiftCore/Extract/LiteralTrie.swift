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
        var bytes = 0
        for literal in Set(literals) where !literal.isEmpty {
            var node = 0
            bytes += literal.utf8.count
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
        for i in nodes.indices where nodes[i].children.count > 1 { nodes[i].children.sort { $0.scalar < $1.scalar } }
        var out: [UInt8] = []
        out.reserveCapacity(2 * bytes + 16)
        nodes.withUnsafeBufferPointer { emit(0, $0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The positions where the alternation of `literals` can begin a match (see `StartFilter`):
    /// each literal's first three bytes, a space standing for any run of ASCII white space, at a
    /// word start (`atWordStart`) or anywhere; the `anywhere` literals anywhere in any case. Nil
    /// when a literal starts with a space.
    public static func startFilter(of literals: [String], atWordStart: Bool, anywhere: [String] = []) -> StartFilter? {
        let space: [UInt8] = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
        var filter = StartFilter()
        for (literal, wordStart) in literals.map({ ($0, atWordStart) }) + anywhere.map({ ($0, false) }) where !literal.isEmpty {
            let head = Array(literal.utf8.prefix(3))
            if head[0] == 0x20 { return nil }
            guard head.contains(0x20) else {
                filter.allow(prefix: head, atWordStart: wordStart)
                continue
            }
            // The bytes each of the first three positions may hold; after a space, more space may follow.
            var positions: [[UInt8]] = []
            for (i, b) in head.enumerated() {
                if b == 0x20 { positions.append(space) }
                else if i > 0, head[i - 1] == 0x20 { positions.append(space.contains(b) ? space : space + [b]) }
                else { positions.append([b]) }
            }
            var prefixes: [[UInt8]] = [[]]
            for options in positions { prefixes = prefixes.flatMap { p in options.map { p + [$0] } } }
            for p in prefixes { filter.allow(prefix: p, atWordStart: wordStart) }
        }
        return filter
    }

    private static func emit(_ index: Int, _ nodes: UnsafeBufferPointer<Node>, into out: inout [UInt8]) {
        let children = nodes[index].children
        guard !children.isEmpty else { return }
        let terminal = nodes[index].terminal
        // A terminal node with children: the longer continuation is tried first, then the end here.
        if terminal { out.append(contentsOf: [0x28, 0x3F, 0x3A]) }  // (?:
        if children.count > 1 { out.append(contentsOf: [0x28, 0x3F, 0x3A]) }
        for (i, child) in children.enumerated() {
            if i > 0 { out.append(0x7C) }  // |
            escape(child.scalar, into: &out)
            emit(child.node, nodes, into: &out)
        }
        if children.count > 1 { out.append(0x29) }  // )
        if terminal { out.append(contentsOf: [0x29, 0x3F]) }  // )?
    }

    /// One literal character as pattern text (UTF-8): a space as `\s+`, metacharacters escaped.
    private static func escape(_ scalar: UInt32, into out: inout [UInt8]) {
        guard scalar < 0x80 else {
            UTF8.encode(Unicode.Scalar(scalar)!) { out.append($0) }
            return
        }
        let b = UInt8(scalar)
        switch b {
        case 0x20: out.append(contentsOf: [0x5C, 0x73, 0x2B])  // \s+
        case UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "|"),
             UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"),
             UInt8(ascii: "#"), UInt8(ascii: "-"):
            out.append(0x5C)
            out.append(b)
        default: out.append(b)
        }
    }
}
