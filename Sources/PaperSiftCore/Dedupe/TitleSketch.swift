/// The part of a paper's title that near-duplicate detection compares: its title key
/// (`PaperKey.normalizedTitle`), cut to a fixed size for the spill slots.
///
/// Two papers whose title + abstract are near-duplicates are merged only when their titles are
/// near-duplicates too: the Dice coefficient of the two keys' byte-trigram sets is at least
/// `threshold` (a fixed typo or a reworded subtitle scores 0.6–0.95, unrelated titles under 0.3).
/// Otherwise they stay two papers that name each other (`similar_to`).
public enum TitleSketch {
    /// One length byte and up to 127 bytes of the title key.
    public static let encodedSize = 128
    public static let threshold = 0.5

    public static func encode(_ titleKey: some Collection<UInt8>) -> [UInt8] {
        let kept = titleKey.prefix(encodedSize - 1)
        var out = [UInt8(kept.count)]
        out.append(contentsOf: kept)
        out.append(contentsOf: repeatElement(0, count: encodedSize - out.count))
        return out
    }

    /// The title key bytes of an encoded sketch.
    public static func key(_ sketch: [UInt8]) -> ArraySlice<UInt8> { sketch[1..<(1 + Int(sketch[0]))] }

    /// Whether two encoded sketches are near-duplicate titles (two empty keys are).
    public static func nearDuplicates(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        similarity(key(a), key(b)) >= threshold
    }

    /// The Dice coefficient of the byte-trigram sets of " key " (1 for two empty keys).
    public static func similarity(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let x = trigrams(a), y = trigrams(b)
        var i = 0, j = 0, shared = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { shared += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return Double(2 * shared) / Double(x.count + y.count)
    }

    /// The distinct trigrams of " key ", each packed into an integer, sorted.
    private static func trigrams(_ key: ArraySlice<UInt8>) -> [UInt32] {
        var padded: [UInt8] = [0x20]
        padded.append(contentsOf: key)
        padded.append(0x20)
        var out: [UInt32] = []
        out.reserveCapacity(padded.count)
        for i in 0..<(padded.count - 2) {
            out.append(UInt32(padded[i]) << 16 | UInt32(padded[i + 1]) << 8 | UInt32(padded[i + 2]))
        }
        out.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(out.count)
        for t in out where unique.last != t { unique.append(t) }
        return unique
    }
}
