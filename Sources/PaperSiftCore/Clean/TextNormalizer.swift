import Foundation

/// Cleans text the same way whatever the source: Unicode NFC, HTML entities decoded where asked,
/// control characters dropped, whitespace (including hard line breaks) collapsed to single spaces.
public enum TextNormalizer {
    /// Collapses every run of whitespace to one space and trims the ends; ASCII fast path.
    public static func collapseWhitespace(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        var sawNonASCII = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C {
                pendingSpace = !out.isEmpty
                continue
            }
            if b < 0x20 || b == 0x7F { continue } // control characters (NUL included) carry no text
            if b >= 0x80 { sawNonASCII = true }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(b)
        }
        let collapsed = String(decoding: out, as: UTF8.self)
        guard sawNonASCII else { return collapsed }
        // Unicode spaces (NBSP, thin space, ideographic space…) collapse too.
        if collapsed.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.properties.isWhitespace }) {
            return collapsed.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return collapsed
    }

    /// NFC, then whitespace collapsed. Pure-ASCII text skips the Unicode work.
    public static func clean(_ s: String) -> String {
        let collapsed = collapseWhitespace(s)
        if collapsed.utf8.allSatisfy({ $0 < 0x80 }) { return collapsed }
        return collapsed.precomposedStringWithCanonicalMapping
    }

    /// Decodes UTF-8 bytes, replacing invalid sequences with U+FFFD; reports whether any were replaced.
    public static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, repaired: Bool) {
        if let valid = String(validating: bytes, as: UTF8.self) { return (valid, false) }
        return (String(decoding: bytes, as: UTF8.self), true)
    }
}
