/// The literal prefilter of a rule: whether a text contains any of a few byte strings.
///
/// One or two literals are looked for with `memmem`, one call each. More literals (such as the
/// thirty `0B`…`9T` of a model-size rule) are found in a single pass over the text: a bitmap of
/// the literals' first two bytes picks the positions where one may start, and only those are
/// compared in full.
struct LiteralPrefilter {
    private let literals: [[UInt8]]
    /// Bit `b0 << 8 | b1` is set when a literal starts with bytes b0, b1 (or is the single byte b0).
    private let pairBits: [UInt64]
    private let singlePass: Bool

    init(_ literals: [[UInt8]]) {
        self.literals = literals.filter { !$0.isEmpty }
        var bits = [UInt64](repeating: 0, count: 1024)
        for literal in self.literals {
            let seconds: [Int] = literal.count > 1 ? [Int(literal[1])] : Array(0..<256)
            for b1 in seconds {
                let key = Int(literal[0]) << 8 | b1
                bits[key >> 6] |= 1 << UInt64(key & 63)
            }
        }
        pairBits = bits
        singlePass = self.literals.count > 2
    }

    var isEmpty: Bool { literals.isEmpty }

    /// Whether `text` contains at least one of the literals.
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if !singlePass {
            for literal in literals where literal.withUnsafeBufferPointer({ findBytes($0, in: text) }) != nil { return true }
            return false
        }
        return pairBits.withUnsafeBufferPointer { bits in
            let n = text.count
            var i = 0
            while i < n {
                let key = Int(text[i]) << 8 | (i + 1 < n ? Int(text[i + 1]) : 0)
                if bits[key >> 6] & (1 << UInt64(key & 63)) != 0 && startsLiteral(text, at: i) { return true }
                i += 1
            }
            return false
        }
    }

    private func startsLiteral(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        for literal in literals where literal.count <= text.count - i {
            var k = 0
            while k < literal.count && text[i + k] == literal[k] { k += 1 }
            if k == literal.count { return true }
        }
        return false
    }
}
