/// Builds a PCRE2 alternation of literals factored as a trie (`Go(?:ogle|ldman)` rather than
/// `Google|Goldman`), so the matcher branches once per character instead of trying every literal
/// at every position. Longer literals win over their prefixes, as in a longest-first alternation.
public enum LiteralTrie {
    final class Node {
        var children: [(Unicode.Scalar, Node)] = []
        var terminal = false
        func child(_ s: Unicode.Scalar) -> Node {
            if let c = children.first(where: { $0.0 == s }) { return c.1 }
            let n = Node()
            children.append((s, n))
            return n
        }
    }

    /// The alternation (without an enclosing group) matching exactly the given literals.
    /// A space inside a literal matches any run of white space.
    public static func alternation(of literals: [String]) -> String {
        let root = Node()
        for literal in Set(literals) where !literal.isEmpty {
            var node = root
            for s in literal.unicodeScalars { node = node.child(s) }
            node.terminal = true
        }
        return emit(root)
    }

    private static func emit(_ node: Node) -> String {
        let branches = node.children.sorted { $0.0.value < $1.0.value }.map { scalar, child -> String in
            escape(scalar) + emit(child)
        }
        if branches.isEmpty { return "" }
        let body = branches.count == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
        // A terminal node with children: the longer continuation is tried first, then the end here.
        return node.terminal ? "(?:" + body + ")?" : body
    }

    private static func escape(_ s: Unicode.Scalar) -> String {
        if s == " " { return "\\s+" }
        if "\\^$.|?*+()[]{}/#-".unicodeScalars.contains(s) { return "\\" + String(s) }
        return String(s)
    }
}
