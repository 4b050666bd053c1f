/// Builds a PCRE2 alternation of literals factored as a trie (`Go(?:ogle|ldman)` rather than
/// `Google|Goldman`), so the matcher branches once per character instead of trying every literal
/// at every position. Longer literals win over their prefixes, as in a longest-first alternation.
public enum LiteralTrie {
    /// The alternation (without an enclosing group) matching exactly the given literals.
    /// A space inside a literal matches any run of white space.
    ///
    /// The literals are sorted as scalar sequences, so the literals below one trie node are a run
    /// of the sorted list and its children are the runs sharing the next scalar, in ascending
    /// order: the trie is walked without being built (no node per character).
    public static func alternation(of literals: [String]) -> String {
        var words = literals.compactMap { $0.isEmpty ? nil : Array($0.unicodeScalars.map(\.value)) }
        words.sort { $0.lexicographicallyPrecedes($1) }
        var out: [UInt8] = []
        out.reserveCapacity(2 * words.reduce(0) { $0 + $1.count } + 16)
        words.withUnsafeBufferPointer { emit(0..<$0.count, depth: 0, $0, into: &out) }
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

    /// The pattern of the trie node below which are `words[range]`, all sharing their first
    /// `depth` scalars (sorted, so a word ending at `depth` comes first, maybe several times).
    private static func emit(_ range: Range<Int>, depth: Int, _ words: UnsafeBufferPointer<[UInt32]>,
                             into out: inout [UInt8]) {
        var lo = range.lowerBound
        while lo < range.upperBound, words[lo].count == depth { lo += 1 }
        guard lo < range.upperBound else { return }
        let terminal = lo > range.lowerBound
        // The children: runs of words with the same scalar at `depth`.
        var children = 0
        var q = lo
        while q < range.upperBound {
            let scalar = words[q][depth]
            while q < range.upperBound, words[q][depth] == scalar { q += 1 }
            children += 1
        }
        // A terminal node with children: the longer continuation is tried first, then the end here.
        if terminal { out.append(0x28); out.append(0x3F); out.append(0x3A) }  // (?:
        if children > 1 { out.append(0x28); out.append(0x3F); out.append(0x3A) }
        q = lo
        var first = true
        while q < range.upperBound {
            let scalar = words[q][depth]
            let start = q
            while q < range.upperBound, words[q][depth] == scalar { q += 1 }
            if !first { out.append(0x7C) }  // |
            first = false
            escape(scalar, into: &out)
            emit(start..<q, depth: depth + 1, words, into: &out)
        }
        if children > 1 { out.append(0x29) }  // )
        if terminal { out.append(0x29); out.append(0x3F) }  // )?
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
