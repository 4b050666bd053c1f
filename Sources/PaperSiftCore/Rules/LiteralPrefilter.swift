/// Which bytes and adjacent byte pairs a text contains, built in one pass so that every rule's
/// prefilter can be answered without scanning the text again.
struct BytePairIndex {
    private var pairs = [UInt64](repeating: 0, count: 1024)
    private var bytes = [UInt64](repeating: 0, count: 4)

    /// Forgets the previous text and indexes `text`.
    mutating func index(_ text: UnsafeBufferPointer<UInt8>) {
        pairs.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = 0 }
            bytes.withUnsafeMutableBufferPointer { b in
                for i in 0..<b.count { b[i] = 0 }
                var previous = -1
                for byte in text {
                    let v = Int(byte)
                    b[v >> 6] |= 1 << UInt64(v & 63)
                    if previous >= 0 {
                        let key = previous << 8 | v
                        p[key >> 6] |= 1 << UInt64(key & 63)
                    }
                    previous = v
                }
            }
        }
    }

    func contains(_ byte: UInt8) -> Bool { bytes[Int(byte) >> 6] & (1 << UInt64(byte & 63)) != 0 }

    func contains(_ first: UInt8, _ second: UInt8) -> Bool {
        let key = Int(first) << 8 | Int(second)
        return pairs[key >> 6] & (1 << UInt64(key & 63)) != 0
    }
}

/// The literal prefilter of a rule: whether a text contains any of a few byte strings. A literal
/// whose first two bytes never occur next to each other in the text (`BytePairIndex`) is ruled out
/// at once; only the others are looked for with `memmem`. So a rule may list many literals (the
/// twenty `0B`…`9b` of a model-size rule) at almost no cost.
struct LiteralPrefilter {
    private let literals: [[UInt8]]

    init(_ literals: [[UInt8]]) { self.literals = literals.filter { !$0.isEmpty } }

    var isEmpty: Bool { literals.isEmpty }

    /// Whether `text`, indexed in `index`, contains at least one of the literals.
    func matches(_ text: UnsafeBufferPointer<UInt8>, index: BytePairIndex) -> Bool {
        for literal in literals {
            if literal.count == 1 {
                if index.contains(literal[0]) { return true }
                continue
            }
            guard index.contains(literal[0], literal[1]) else { continue }
            if literal.count == 2 || literal.withUnsafeBufferPointer({ findBytes($0, in: text) }) != nil { return true }
        }
        return false
    }
}
