import Foundation

/// Stable keys of a paper: `arxiv:<id>` when an arXiv id is known, else `title:<16 hex>` of the
/// title key.
public enum PaperKey {
    /// The title key for matching (docs/DEDUPE.md): LaTeX residue resolved (`\alpha` → `alpha`,
    /// formatting commands and accents dropped), Unicode NFKC, case and diacritics folded, Greek
    /// letters spelled out (`α` → `alpha`), and then only letters and digits, with no spaces. So
    /// punctuation, spacing, hyphenation (`Self-Supervised` = `Self Supervised` = `SelfSupervised`)
    /// and dash variants (`--`, `–`, `—`) never make two keys differ.
    public static func normalizedTitle(_ title: String) -> String {
        var bytes = Array(title.utf8)
        if bytes.contains(0x5C) { bytes = LaTeXResidue.resolve(bytes) }
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        guard ascii else { return unicodeKey(String(decoding: bytes, as: UTF8.self)) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            switch b {
            case 0x30...0x39, 0x61...0x7A: out.append(b)
            case 0x41...0x5A: out.append(b | 0x20)
            default: continue
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func unicodeKey(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if let name = greekLetterName(scalar) {
                out.append(contentsOf: name.unicodeScalars)
                continue
            }
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil { out.append(scalar) }
        }
        return String(out)
    }

    /// Lower-case Greek letters (after case folding) as the names LaTeX gives them.
    private static let greekNames = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
                                     "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho",
                                     "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]

    private static func greekLetterName(_ s: Unicode.Scalar) -> String? {
        guard s.value >= 0x3B1, s.value <= 0x3C9 else { return nil }
        return greekNames[Int(s.value - 0x3B1)]
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, as 16 lower-case hex digits.
    public static func hash(_ text: String) -> String {
        hex(fnv1a(text.utf8))
    }

    /// 64-bit FNV-1a of some bytes.
    public static func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    /// 16 lower-case hex digits.
    public static func hex(_ h: UInt64) -> String {
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The record id: `arxiv:<versionless id>` or `title:<hash of the title key>`.
    public static func id(arxivID: String?, title: String) -> String {
        if let arxivID, !arxivID.isEmpty { return "arxiv:" + arxivID }
        return "title:" + hash(normalizedTitle(title))
    }
}
