import Foundation

/// Cleans text the same way whatever the source: Unicode NFC, HTML entities decoded where asked,
/// control characters dropped, whitespace (including hard line breaks) collapsed to single spaces.
public enum TextNormalizer {
    /// Collapses every run of whitespace to one space and trims the ends; ASCII fast path.
    public static func collapseWhitespace(_ s: String) -> String {
        var s = s
        return s.withUTF8 { collapseWhitespace(utf8: $0) }
    }

    /// `collapseWhitespace` over valid UTF-8 bytes.
    public static func collapseWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let (collapsed, sawNonASCII, _) = collapseASCIIWhitespace(bytes)
        guard sawNonASCII else { return collapsed }
        return collapseUnicodeWhitespace(collapsed)
    }

    /// NFC, then whitespace collapsed. Pure-ASCII text skips the Unicode work.
    public static func clean(_ s: String) -> String {
        var s = s
        return s.withUTF8 { clean(utf8: $0) }
    }

    /// `clean` over valid UTF-8 bytes (e.g. the lines of a paragraph joined with spaces).
    public static func clean(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let (collapsed, sawNonASCII, mayNeedNFC) = collapseASCIIWhitespace(bytes)
        guard sawNonASCII else { return collapsed }
        let text = collapseUnicodeWhitespace(collapsed)
        // Text whose scalars are all below U+0300 (or inert punctuation) is already NFC: nothing there composes.
        guard mayNeedNFC else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Decodes UTF-8 bytes, replacing invalid sequences with U+FFFD; reports whether any were replaced.
    public static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, repaired: Bool) {
        String.decodingUTF8(bytes)
    }

    /// Collapses ASCII whitespace runs to one space, trims, drops ASCII control characters. Also
    /// says whether any byte is non-ASCII and whether any scalar is U+0300 or above (lead byte
    /// 0xCC or more), the only ones NFC can change, other than inert punctuation.
    private static func collapseASCIIWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Bool, Bool) {
        var seen: UInt64 = 0
        var mayNeedNFC = false
        let collapsed = String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var i = 0
            var pendingSpace = false
            let count = bytes.count
            while i < count {
                // Eight bytes at a time while they need no change: no control character, single
                // spaces only between other bytes (none first after a space or at the start, none last).
                if i + 8 <= count {
                    let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let spaces = ByteWords.zeroBytes(w ^ 0x2020_2020_2020_2020)
                    if !ByteWords.hasControl(w), spaces & (spaces << 8) == 0, spaces >> 63 == 0,
                       spaces & 0x80 == 0 || (n > 0 && !pendingSpace) {
                        if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                        UnsafeMutableRawPointer(out.baseAddress! + n).storeBytes(of: w, as: UInt64.self)
                        seen |= w
                        n += 8
                        i += 8
                        continue
                    }
                }
                let b = bytes[i]
                i += 1
                if b <= 0x20 || b == 0x7F {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { pendingSpace = n > 0 }
                    continue // other control characters (NUL included) carry no text
                }
                seen |= UInt64(b)
                if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                out[n] = b
                n += 1
            }
            if seen & 0x8080_8080_8080_8080 != 0 {
                for k in 0..<n where out[k] >= 0xCC && !isInertPunctuation(UnsafeBufferPointer(rebasing: out[k..<n])) {
                    mayNeedNFC = true
                    break
                }
            }
            return n
        }
        return (collapsed, seen & 0x8080_8080_8080_8080 != 0, mayNeedNFC)
    }

    /// Whether the valid UTF-8 `bytes` start with U+2010–U+2027 or U+2030–U+205E (dashes, quotes,
    /// bullets, ellipsis, primes…): scalars without canonical decomposition, combining class 0,
    /// that never end a canonical composition, so NFC leaves them and their neighbours alone.
    @inline(__always)
    private static func isInertPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3, bytes[0] == 0xE2 else { return false }
        switch (bytes[1], bytes[2]) {
        case (0x80, 0x90...0xA7), (0x80, 0xB0...0xBF), (0x81, 0x80...0x9E): return true
        default: return false
        }
    }

    /// Unicode spaces (NBSP, thin space, ideographic space…) collapse too.
    private static func collapseUnicodeWhitespace(_ collapsed: String) -> String {
        if collapsed.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.properties.isWhitespace }) {
            return collapsed.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return collapsed
    }
}
