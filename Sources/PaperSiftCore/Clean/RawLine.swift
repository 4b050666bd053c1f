/// One line of a text document as read, with what cleaning will have to repair: invalid UTF-8
/// (replaced by U+FFFD) and control characters (removed).
struct RawLine {
    /// The decoded line (invalid UTF-8 replaced by U+FFFD).
    let text: String
    let byteCount: Int
    /// Invalid UTF-8 sequences replaced.
    let invalidSequences: Int
    /// C0 control bytes other than whitespace (NUL, ESC, …) and DEL.
    let controlBytes: Int
    /// Only ASCII whitespace.
    let isBlank: Bool
    /// Holds a printable ASCII character (then the line is never empty after cleaning).
    let hasPrintableASCII: Bool

    init(_ buf: UnsafeBufferPointer<UInt8>) {
        var controls = 0
        var blank = true
        var printable = false
        var i = 0
        while i < buf.count {
            // Eight bytes at a time while none is a control character (tab, CR… included).
            if i + 8 <= buf.count {
                let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if !ByteWords.hasControl(w) {
                    let highs: UInt64 = 0x8080_8080_8080_8080
                    let spaces = ByteWords.zeroBytes(w ^ 0x2020_2020_2020_2020)
                    if spaces != highs { blank = false }
                    if ~w & highs & ~spaces != 0 { printable = true } // an ASCII byte other than a space
                    i += 8
                    continue
                }
            }
            let b = buf[i]
            i += 1
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { continue }
            blank = false
            if b < 0x20 || b == 0x7F { controls += 1 } else if b < 0x80 { printable = true }
        }
        let (decoded, repaired) = TextNormalizer.decodeUTF8(buf)
        text = decoded
        byteCount = buf.count
        controlBytes = controls
        isBlank = blank
        hasPrintableASCII = printable
        invalidSequences = repaired ? decoded.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) } : 0
    }

    /// Binary data rather than damaged text: at least 4 bad units, and more than a quarter of the bytes.
    var looksBinary: Bool { RawLine.looksBinary(bad: invalidSequences + controlBytes, of: byteCount) }

    static func looksBinary(bad: Int, of bytes: Int) -> Bool { bad >= 4 && bad * 4 > bytes }

    /// What cleaning repaired in this line, for a warning; nil when nothing.
    var repairs: String? {
        var parts: [String] = []
        if invalidSequences > 0 { parts.append("invalid UTF-8 replaced by U+FFFD (\(invalidSequences) sequences)") }
        if controlBytes > 0 { parts.append("control characters removed (\(controlBytes) bytes)") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    var binaryReason: String {
        "binary data, not text (\(invalidSequences) invalid UTF-8 sequences and \(controlBytes) control bytes in \(byteCount) bytes)"
    }
}

/// Whether the start of a text document is binary data (a PDF, an archive, random bytes) or text
/// in an encoding papersift does not read (UTF-16); nil when it looks like UTF-8 text.
func binaryDocumentProblem(head: [UInt8]) -> String? {
    if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
        return "UTF-16 text is not supported; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)"
    }
    // Cut a multi-byte character split at the end of the head, so it is not counted as invalid.
    var end = head.count
    var back = 0
    while end > 0, back < 3, head[end - 1] & 0xC0 == 0x80 { end -= 1; back += 1 }
    if end > 0, head[end - 1] >= 0xC0 { end -= 1 } else { end = head.count }
    let line = head.withUnsafeBufferPointer { RawLine(UnsafeBufferPointer(rebasing: $0[0..<end])) }
    let bad = line.invalidSequences + line.controlBytes
    guard RawLine.looksBinary(bad: bad, of: end) else { return nil }
    return "binary data, not a text document (\(bad) invalid UTF-8 sequences or control bytes in the first \(end) bytes)"
}
