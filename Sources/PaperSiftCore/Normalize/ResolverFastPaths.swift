#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level versions of the text helpers of `ResultResolver` and `SentenceBounds` for ASCII
/// text, the common case. Each gives exactly what the general (Character/Unicode) version gives
/// on such text and returns nil for any other, so the general version decides (`ResolverFastPathTests`).

@inline(__always)
private func isWordByte(_ b: UInt8) -> Bool {
    let l = b | 0x20
    return (l >= 0x61 && l <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x40
}

@inline(__always)
private func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

/// Whether `w` starts with all of `prefix` (the caller checks the lengths).
@inline(__always)
func startsWith(_ w: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
    prefix.withUnsafeBufferPointer { p in memcmp(w.baseAddress!, p.baseAddress!, p.count) == 0 }
}

extension ResultResolver {
    /// `words` of an ASCII slice (runs of letters, digits, `-` and `@`, lower-cased); nil when a
    /// byte is not ASCII.
    static func asciiWords(_ bytes: ArraySlice<UInt8>) -> [String]? {
        bytes.withUnsafeBufferPointer { buf -> [String]? in
            guard isASCII(buf) else { return nil }
            var out: [String] = []
            var i = 0
            while i < buf.count {
                guard isWordByte(buf[i]) else { i += 1; continue }
                let start = i
                while i < buf.count, isWordByte(buf[i]) { i += 1 }
                out.append(String(unsafeUninitializedCapacity: i - start) { o in
                    for k in start..<i { o[k - start] = lowered(buf[k]) }
                    return i - start
                })
            }
            return out
        }
    }

    /// Whether `words(bytes)` contains `word` (lower-case ASCII), for an ASCII slice, without
    /// building the words; nil when a byte is not ASCII.
    static func asciiContainsWord(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool? {
        bytes.withUnsafeBufferPointer { buf -> Bool? in
            guard isASCII(buf) else { return nil }
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            var found = false
            var i = 0
            while i < buf.count {
                guard isWordByte(buf[i]) else { i += 1; continue }
                let start = i
                while i < buf.count, isWordByte(buf[i]) { i += 1 }
                if !found, i - start == w.count {
                    var same = true
                    for k in 0..<w.count where lowered(buf[start + k]) != w[k] { same = false; break }
                    found = same
                }
            }
            return found
        }
    }

    /// Whether any of the words of an ASCII slice (as `words` gives them, lower-cased) passes
    /// `test`, without building them; nil when a byte is not ASCII.
    static func asciiAnyWord(_ bytes: ArraySlice<UInt8>, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        bytes.withUnsafeBufferPointer { buf -> Bool? in
            guard isASCII(buf) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(buf.count, 1)) { lower -> Bool in
                for k in 0..<buf.count { lower[k] = lowered(buf[k]) }
                var i = 0
                while i < buf.count {
                    guard isWordByte(buf[i]) else { i += 1; continue }
                    let start = i
                    while i < buf.count, isWordByte(buf[i]) { i += 1 }
                    if test(UnsafeBufferPointer(rebasing: lower[start..<i])) { return true }
                }
                return false
            }
        }
    }

    /// Whether `word` (lower-case ASCII) is written in `bytes` in any case of its letters: a test
    /// that must pass before a non-ASCII text can have that word.
    static func asciiMayContain(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { buf -> Bool in
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard !w.isEmpty, buf.count >= w.count else { return w.isEmpty }
            for i in 0...(buf.count - w.count) where lowered(buf[i]) == w[0] {
                var same = true
                for k in 1..<w.count where lowered(buf[i + k]) != w[k] { same = false; break }
                if same { return true }
            }
            return false
        }
    }

    /// `namesOtherTarget`'s second test (a cue and then a capitalised word or a digit that starts
    /// no benchmark name) for an ASCII range without a carriage return; nil for other text.
    static func asciiCuedOtherName(_ bytes: ArraySlice<UInt8>, benchNames: [String]) -> Bool? {
        bytes.withUnsafeBufferPointer { buf -> Bool? in
            guard isASCII(buf), !buf.contains(0x0D) else { return nil }
            // The tokens between spaces, line feeds and opening parentheses.
            var tokens: [Range<Int>] = []
            var i = 0
            while i < buf.count {
                let b = buf[i]
                guard b != 0x20, b != 0x0A, b != 0x28 else { i += 1; continue }
                let start = i
                while i < buf.count, buf[i] != 0x20, buf[i] != 0x0A, buf[i] != 0x28 { i += 1 }
                tokens.append(start..<i)
            }
            func isCue(_ r: Range<Int>) -> Bool {
                switch r.count {
                case 2:
                    let a = lowered(buf[r.lowerBound]), b = lowered(buf[r.lowerBound + 1])
                    return (a == 0x6F || a == 0x69) && b == 0x6E   // `on`, `in`
                case 6:
                    return zip(r, "across".utf8).allSatisfy { lowered(buf[$0]) == $1 }
                default: return false
                }
            }
            for t in tokens.indices where t + 1 < tokens.count && isCue(tokens[t]) {
                var next = tokens[t + 1]
                if buf[next].elementsEqual("the".utf8), t + 2 < tokens.count { next = tokens[t + 2] }
                var end = next.upperBound
                while end > next.lowerBound {
                    let last = buf[end - 1], l = last | 0x20
                    if (l >= 0x61 && l <= 0x7A) || (last >= 0x30 && last <= 0x39) || last == 0x2B { break }
                    end -= 1
                }
                guard end > next.lowerBound else { continue }
                let head = buf[next.lowerBound]
                guard (head >= 0x41 && head <= 0x5A) || (head >= 0x30 && head <= 0x39) else { continue }
                let token = UnsafeBufferPointer(rebasing: buf[next.lowerBound..<end])
                let known = benchNames.contains { name in
                    var copy = name
                    return copy.withUTF8 { n -> Bool in
                        guard isASCII(n) else { return name.hasPrefix(String(decoding: token, as: UTF8.self)) }
                        return n.count >= token.count && n.prefix(token.count).elementsEqual(token)
                    }
                }
                if !known { return true }
            }
            return false
        }
    }
}

extension SentenceBounds {
    /// `abbreviationBefore`'s test of an ASCII word (a single letter or a known abbreviation,
    /// ignoring case); nil when a byte is not ASCII.
    static func asciiIsAbbreviation(_ word: ArraySlice<UInt8>) -> Bool? {
        word.withUnsafeBufferPointer { buf -> Bool? in
            guard isASCII(buf) else { return nil }
            if buf.count == 1 { return (buf[0] | 0x20) >= 0x61 && (buf[0] | 0x20) <= 0x7A }
            // `\r\n` is one Character, but no letter: no abbreviation either way.
            return abbreviationBytes.contains { a in
                a.count == buf.count && zip(a, buf).allSatisfy { $0 == lowered($1) }
            }
        }
    }

    /// The abbreviations as bytes.
    static let abbreviationBytes = abbreviations.map { Array($0.utf8) }
}
