import Foundation

/// Stable keys of a paper: `arxiv:<id>` when an arXiv id is known, else `title:<16 hex>` of the
/// normalised title.
public enum PaperKey {
    /// The title for matching: NFKC, case-folded, letters and digits only, single spaces; LaTeX
    /// residue (`\`, `{`, `}`, `$`) and dash/hyphen variants vanish with the other punctuation.
    public static func normalizedTitle(_ title: String) -> String {
        let folded: String
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = title.lowercased()
        } else {
            folded = title.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
        }
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil {
                if pendingSpace && !out.isEmpty { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, as 16 lower-case hex digits.
    public static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The record id: `arxiv:<versionless id>` or `title:<hash of the normalised title>`.
    public static func id(arxivID: String?, title: String) -> String {
        if let arxivID, !arxivID.isEmpty { return "arxiv:" + arxivID }
        return "title:" + hash(normalizedTitle(title))
    }
}
