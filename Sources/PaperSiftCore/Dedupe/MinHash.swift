/// Near-duplicate detection: a MinHash signature of the word 3-shingles of title + abstract, and
/// LSH band keys so that candidates are found by sorting, never by comparing all pairs.
///
/// One-permutation hashing: each shingle's 64-bit hash picks one of 128 bins by its top 7 bits and
/// competes for the bin's minimum with the rest; empty bins borrow from a pseudo-randomly probed
/// full bin (optimal densification), so any two signatures agree in a bin with probability close
/// to the Jaccard similarity of the shingle sets. Each bin keeps 16 bits of its minimum; a
/// signature is the 128 bins as UInt16 little-endian (256 bytes). LSH bands use the first 64
/// bins; the similarity estimate uses all 128 (standard deviation about 0.035 at 0.8).
public enum MinHash {
    public static let bins = 128
    public static let bands = 16
    public static let rowsPerBand = 4
    /// Records whose abstract has fewer words take no part (too little text to compare safely).
    public static let minimumAbstractWords = 20
    /// Bytes of a signature in a spill file.
    public static let encodedSize = 2 * bins

    /// The signature of a record, or nil when its abstract is missing or too short.
    public static func signature(title: String, abstract: String?) -> [UInt8]? {
        guard var abstract else { return nil }
        var title = title
        var out: [UInt8] = []
        let made = title.withUTF8 { t in abstract.withUTF8 { a in appendSignature(title: t, abstract: a, to: &out) } }
        return made ? out : nil
    }

    /// Appends the signature of a record with this title and abstract (UTF-8) to `out`; false
    /// (nothing appended) when the abstract is too short.
    static func appendSignature(title: UnsafeBufferPointer<UInt8>, abstract: UnsafeBufferPointer<UInt8>,
                                to out: inout [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: bins) { minima -> Bool in
            minima.initialize(repeating: .max)
            var state = ShingleState(minima: minima)
            state.feed(title)
            state.endWord()
            let titleWords = state.words
            state.feed(abstract)
            state.endWord()
            guard state.words - titleWords >= minimumAbstractWords else { return false }
            state.appendSignature(to: &out)
            return true
        }
    }

    /// The estimated Jaccard similarity of two signatures: the share of bins that agree.
    public static func similarity(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer) -> Double {
        var same = 0
        for i in 0..<bins where a.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)
            == b.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self) { same += 1 }
        return Double(same) / Double(bins)
    }

    public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in similarity(pa.baseAddress!, pb.baseAddress!) } }
    }

    /// One 64-bit key per band (band number mixed in): two signatures share a key when they agree
    /// on all the band's bins (or, rarely, by hash collision; candidates are verified).
    public static func bandKeys(_ sig: UnsafeRawPointer) -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(bands)
        for band in 0..<bands {
            var v = UInt64(band) &* 0x9E3779B97F4A7C15
            for r in 0..<rowsPerBand {
                let x = sig.loadUnaligned(fromByteOffset: 2 * (band * rowsPerBand + r), as: UInt16.self).littleEndian
                v = mix64(v ^ (UInt64(x) << (16 * UInt64(r))))
            }
            keys.append(v)
        }
        return keys
    }

    /// The splitmix64 finaliser.
    @inline(__always) static func mix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Words (runs of ASCII letters and digits, lower-cased, or of non-ASCII bytes) → shingle hashes →
/// bin minima.
private struct ShingleState {
    /// Each byte as it enters a word hash: ASCII letters lower-cased, digits and non-ASCII bytes
    /// as they are; 0 for the bytes between words.
    static let wordByte: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch b {
        case 0x41...0x5A: return UInt8(b | 0x20)
        case 0x30...0x39, 0x61...0x7A, 0x80...0xFF: return UInt8(b)
        default: return 0
        }
    }

    /// The bins' minima (`MinHash.bins`, all `.max` at first).
    let minima: UnsafeMutableBufferPointer<UInt64>
    var words = 0
    private var word = ShingleState.wordBasis
    private var inWord = false
    private var previous1: UInt64 = 0
    private var previous2: UInt64 = 0

    init(minima: UnsafeMutableBufferPointer<UInt64>) { self.minima = minima }

    static let wordBasis: UInt64 = 0xcbf29ce484222325

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        // The word being hashed stays in locals (registers) for the loop.
        var word = self.word, inWord = self.inWord
        ShingleState.wordByte.withUnsafeBufferPointer { table in
            for b in bytes {
                let c = table[Int(b)]
                if c != 0 {
                    word = (word ^ UInt64(c)) &* 0x100000001b3
                    inWord = true
                } else if inWord {
                    add(word: word)
                    word = ShingleState.wordBasis
                    inWord = false
                }
            }
        }
        self.word = word
        self.inWord = inWord
    }

    /// Ends the word being hashed, if any.
    mutating func endWord() {
        guard inWord else { return }
        add(word: word)
        word = ShingleState.wordBasis
        inWord = false
    }

    /// Counts a word (its hash `w`) and the shingle it ends.
    private mutating func add(word w: UInt64) {
        words += 1
        if words >= 3 {
            let s = MinHash.mix64(previous2 &* 0x9E3779B97F4A7C15 ^ previous1 &* 0xC2B2AE3D27D4EB4F ^ w)
            let bin = Int(s >> 57)
            let rest = s & ((1 << 57) - 1)
            if rest < minima[bin] { minima[bin] = rest }
        }
        previous2 = previous1
        previous1 = w
    }

    /// Appends the 128 bins as UInt16 little-endian; empty bins filled by `densify`.
    func appendSignature(to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: MinHash.bins) { sig in
            sig.initialize(repeating: 0)
            var full = 0, firstFull = -1
            for i in 0..<MinHash.bins where minima[i] != .max {
                sig[i] = UInt16(truncatingIfNeeded: minima[i] >> 41)
                full += 1
                if firstFull < 0 { firstFull = i }
            }
            if full > 0, full < MinHash.bins { densify(sig, firstFull: firstFull) }
            for i in 0..<MinHash.bins { sig[i] = sig[i].littleEndian }
            out.append(contentsOf: UnsafeRawBufferPointer(sig))
        }
    }

    /// Fills each empty bin from a full bin chosen by a fixed pseudo-random probe sequence.
    private func densify(_ sig: UnsafeMutableBufferPointer<UInt16>, firstFull: Int) {
        for i in 0..<MinHash.bins where minima[i] == .max {
            var attempt: UInt64 = 1
            while true {
                let j = Int(MinHash.mix64(UInt64(i) << 32 | attempt) % UInt64(MinHash.bins))
                if minima[j] != .max { sig[i] = sig[j]; break }
                attempt += 1
                if attempt > 256 { sig[i] = sig[firstFull]; break }
            }
        }
    }
}
