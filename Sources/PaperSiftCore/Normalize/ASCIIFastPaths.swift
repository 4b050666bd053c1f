/// Byte-level versions of the normalisers for printable-ASCII input, the common case. Each gives
/// exactly what the general (Character/Unicode) version gives on such input; the general
/// versions handle everything else (`FastPathTests` compares both).

/// Whether every byte is printable ASCII (0x21…0x7E; with `spaceAllowed`, 0x20 too): no control
/// character, so bytes and Characters coincide.
@inline(__always)
func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, spaceAllowed: Bool = false) -> Bool {
    let lowest: UInt8 = spaceAllowed ? 0x20 : 0x21
    for b in bytes where b < lowest || b >= 0x7F { return false }
    return true
}

@inline(__always)
private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

@inline(__always)
private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

extension DateNormalizer {
    /// `iso` of an ASCII date text.
    static func asciiISO(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0, end = text.count
        while start < end, text[start] == 0x20 { start += 1 }
        while end > start, text[end - 1] == 0x20 { end -= 1 }
        let t = UnsafeBufferPointer(rebasing: text[start..<end])
        if t.count >= 10, t[4] == 0x2D, t[7] == 0x2D,
           isDigit(t[0]), isDigit(t[1]), isDigit(t[2]), isDigit(t[3]), isDigit(t[5]), isDigit(t[6]), isDigit(t[8]), isDigit(t[9]) {
            return String(decoding: UnsafeBufferPointer(rebasing: t[0..<10]), as: UTF8.self)
        }
        // The words, split at spaces, commas and full stops.
        var words: [String] = []
        var i = 0
        while i < t.count {
            while i < t.count, t[i] == 0x20 || t[i] == 0x2C || t[i] == 0x2E { i += 1 }
            let wordStart = i
            while i < t.count, !(t[i] == 0x20 || t[i] == 0x2C || t[i] == 0x2E) { i += 1 }
            if i > wordStart { words.append(String(decoding: UnsafeBufferPointer(rebasing: t[wordStart..<i]), as: UTF8.self)) }
        }
        return fromWords(words)
    }
}

extension LinkCanonicalizer {
    /// `canonicalURL` of a printable-ASCII link.
    static func asciiCanonicalURL(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0, end = raw.count
        // Leading wrappers: quotes, brackets, angle brackets.
        while start < end, [0x28, 0x3C, 0x5B, 0x22, 0x27].contains(raw[start]) { start += 1 }
        // Trailing punctuation and closing brackets without an opening one inside the URL.
        func count(_ b: UInt8) -> Int { var n = 0; for i in start..<end where raw[i] == b { n += 1 }; return n }
        while end > start {
            let last = raw[end - 1]
            switch last {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22, 0x2A, 0x3E: end -= 1; continue
            case 0x29 where count(0x28) < count(0x29): end -= 1; continue
            case 0x5D where count(0x5B) < count(0x5D): end -= 1; continue
            case 0x7D where count(0x7B) < count(0x7D): end -= 1; continue
            default: break
            }
            break
        }
        var rest = start
        if end - start >= 3 {
            for i in start...(end - 3) where raw[i] == 0x3A && raw[i + 1] == 0x2F && raw[i + 2] == 0x2F { rest = i + 3; break }
        }
        var hostEnd = rest
        while hostEnd < end, !(raw[hostEnd] == 0x2F || raw[hostEnd] == 0x3F || raw[hostEnd] == 0x23) { hostEnd += 1 }
        var host = Array(raw[rest..<hostEnd]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if host.last == 0x2E { host.removeLast() }
        guard host.contains(0x2E) else { return nil }
        var path = Array(raw[hostEnd..<end])
        while path.count > 1 && path.last == 0x2F { path.removeLast() }
        if path.count >= 4, path[(path.count - 4)...].elementsEqual([0x2E, 0x67, 0x69, 0x74]) { path.removeLast(4) }
        if path.isEmpty || path[0] == 0x3F || path[0] == 0x23 { path.insert(0x2F, at: 0) }
        return "https://" + String(decoding: host, as: UTF8.self) + String(decoding: path, as: UTF8.self)
    }
}

extension BenchmarkNames {
    /// `key` of an ASCII name: its letters lower-cased and its digits.
    static func asciiKey(_ name: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: name.count) { out in
            var n = 0
            for b in name where isLetter(b) || isDigit(b) {
                out[n] = isLetter(b) ? b | 0x20 : b
                n += 1
            }
            return n
        }
    }
}

extension BenchmarkAliases {
    /// `key` of an ASCII name: its letters lower-cased, its digits, and `plus` for each `+`.
    static func asciiKey(_ name: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: name.count * 4) { out in
            var n = 0
            for b in name {
                if b == 0x2B {
                    for p in "plus".utf8 { out[n] = p; n += 1 }
                } else if isLetter(b) || isDigit(b) {
                    out[n] = isLetter(b) ? b | 0x20 : b
                    n += 1
                }
            }
            return n
        }
    }
}

/// An ASCII text with every white-space run made one space and the ends trimmed, as
/// `split(whereSeparator: \.isWhitespace).joined(separator: " ")` gives it; nil for other text.
func asciiSingleSpaced(_ text: String) -> String? {
    var copy = text
    return copy.withUTF8 { bytes -> String? in
        guard isASCII(bytes) else { return nil }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        // Already single-spaced (the usual case): the text itself.
        var clean = !(bytes.first.map(isSpace) ?? false) && !(bytes.last.map(isSpace) ?? false)
        var previousSpace = false
        for b in bytes where clean {
            let space = isSpace(b)
            if space && (b != 0x20 || previousSpace) { clean = false }
            previousSpace = space
        }
        if clean { return text }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var pending = false
            for b in bytes {
                if isSpace(b) { pending = n > 0; continue }
                if pending { out[n] = 0x20; n += 1; pending = false }
                out[n] = b
                n += 1
            }
            return n
        }
    }
}
