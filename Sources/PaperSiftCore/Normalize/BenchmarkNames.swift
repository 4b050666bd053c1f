/// The benchmark names of one abstract, as written, each once.
///
/// A name is dropped when it repeats an earlier one (ignoring case, spaces and punctuation, so
/// `MuJoCo` and `Mujoco` are one benchmark) or when it is one half of a `Name (ABBR)` or
/// `ABBR (Name)` form found in the same abstract (`BBH` next to `Big-Bench Hard (BBH)`).
public enum BenchmarkNames {
    public static func names(_ findings: [Finding]) -> [String] {
        let written = findings.map { $0.group("name") ?? $0.raw }
        var halves = Set<String>()
        for name in written {
            guard let (outer, inner) = parenthesised(name) else { continue }
            halves.insert(key(outer))
            halves.insert(key(inner))
        }
        var seen = Set<String>()
        var out: [String] = []
        for name in written {
            let k = key(name)
            if k.isEmpty || (parenthesised(name) == nil && halves.contains(k)) { continue }
            if seen.insert(k).inserted { out.append(name) }
        }
        return out
    }

    /// `Big-Bench Hard (BBH)` → (`Big-Bench Hard`, `BBH`); nil when the name has no final parenthesis.
    static func parenthesised(_ name: String) -> (String, String)? {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return nil }
        let outer = name[..<open].trimmingCharacters(in: " ")
        let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        return outer.isEmpty || inner.isEmpty ? nil : (outer, inner)
    }

    /// Lower-case letters and digits only (ASCII case folding; other scalars kept as they are).
    static func key(_ name: String) -> String {
        var copy = name
        if let ascii = copy.withUTF8({ isASCII($0) ? asciiKey($0) : nil }) { return ascii }
        return unicodeKey(name)
    }

    /// `key` for any name (ASCII has a faster path).
    static func unicodeKey(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for s in name.unicodeScalars where s.properties.isAlphabetic || s.properties.numericType != nil {
            out.append(s.isASCII ? Unicode.Scalar(UInt8(ascii: s) | (s.value >= 65 && s.value <= 90 ? 0x20 : 0)) : s)
        }
        return String(out)
    }
}
