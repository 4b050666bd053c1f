/// Sentences of an abstract as byte ranges of its UTF-8 text.
///
/// A sentence ends at `.`, `!` or `?` (and any closing `)`, `"`, `'` right after it) that white
/// space follows and then anything but a lower-case ASCII letter, unless the word before the
/// full stop is a common abbreviation (`e.g.`, `i.e.`, `vs.`, `et al.`, `Fig.`, …) or a single
/// letter (an initial). Decimal points never end a sentence (no white space follows them).
public enum SentenceBounds {
    static let abbreviations: Set<String> = ["e.g", "i.e", "vs", "al", "etc", "fig", "figs", "eq", "eqs", "cf", "approx",
                                             "resp", "ref", "refs", "sec", "tab", "no", "nos", "viz", "ca", "incl", "w.r.t"]

    /// The sentences of `text` (white space around them included), covering it without gaps.
    public static func sentences(_ text: [UInt8]) -> [Range<Int>] {
        text.withUnsafeBufferPointer { buf in
            var out: [Range<Int>] = []
            var begin = 0
            var i = 0
            let n = buf.count
            func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            while i < n {
                // Most bytes end no sentence: eight at a time while none is `.`, `!` or `?`.
                if i + 8 <= n, !mayEndSentence(UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8; continue }
                let b = buf[i]
                if !(b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")) { i += 1; continue }
                var j = i + 1
                while j < n, buf[j] == UInt8(ascii: ")") || buf[j] == UInt8(ascii: "\"") || buf[j] == UInt8(ascii: "'") { j += 1 }
                var k = j
                while k < n, space(buf[k]) { k += 1 }
                let followedBySpace = k > j || j == n
                let nextLower = k < n && buf[k] >= 0x61 && buf[k] <= 0x7A
                if followedBySpace, !nextLower, !(b == UInt8(ascii: ".") && abbreviationBefore(text, i)) {
                    out.append(begin..<k)
                    begin = k
                    i = k
                    continue
                }
                i += 1
            }
            if begin < n { out.append(begin..<n) }
            return out
        }
    }

    /// Whether any of the eight bytes in `w` is `.`, `!` or `?`.
    @inline(__always)
    static func mayEndSentence(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return (hasZeroByte(w ^ 0x2E2E_2E2E_2E2E_2E2E) | hasZeroByte(w ^ 0x2121_2121_2121_2121) | hasZeroByte(w ^ 0x3F3F_3F3F_3F3F_3F3F)) != 0
    }

    /// Whether the word ending right before the full stop at `dot` is an abbreviation or an initial.
    static func abbreviationBefore(_ text: [UInt8], _ dot: Int) -> Bool {
        var s = dot
        while s > 0, text[s - 1] != 0x20, text[s - 1] != UInt8(ascii: "("), text[s - 1] != 0x09 { s -= 1 }
        return isAbbreviation(text[s..<dot])
    }

    /// Whether a word (the bytes before a full stop) is an abbreviation or an initial.
    static func isAbbreviation(_ bytes: ArraySlice<UInt8>) -> Bool {
        asciiIsAbbreviation(bytes) ?? unicodeIsAbbreviation(bytes)
    }

    /// `isAbbreviation` for any text (ASCII has a faster path).
    static func unicodeIsAbbreviation(_ bytes: ArraySlice<UInt8>) -> Bool {
        let word = String(decoding: bytes, as: UTF8.self).lowercased()
        if word.count == 1, let c = word.unicodeScalars.first, c.properties.isAlphabetic { return true }
        return abbreviations.contains(word)
    }

    /// The index of the sentence that contains byte `offset`.
    public static func index(of offset: Int, in sentences: [Range<Int>]) -> Int {
        var lo = 0, hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        return max(lo, 0)
    }

    /// Words that start a new clause after `, and` (a new subject: `…, and it reaches 5%`).
    static let subjects: Set<String> = ["we", "it", "they", "our", "its", "their", "this", "these", "that", "he", "she"]
    /// Clause openers that follow a comma or a space (`…, while B`, `… whereas B`, `…, but also B`).
    static let openers: [[UInt8]] = [", while ", " while ", " whereas ", ", but ", ", yet ", " but also ", "respectively, "].map { Array($0.utf8) }

    /// The clauses of `range` of `text`: it is cut after `;`, before `while`, `whereas`, `, but`,
    /// `, yet`, `but also`, after `respectively,`, and before `, and` followed by a new subject
    /// (`we`, `it`, `our`, …). The clauses cover `range` without gaps.
    public static func clauses(_ text: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var cuts: [Int] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let b = text[i]
            if b == UInt8(ascii: ";") { cuts.append(i + 1); i += 1; continue }
            if b == UInt8(ascii: ",") || b == 0x20 || b == UInt8(ascii: "r") {
                var hit = false
                for o in openers where o[0] == b && i + o.count <= range.upperBound && text[i..<(i + o.count)].elementsEqual(o) {
                    // `respectively, ` ends a clause after it; the others start one at their first word.
                    if o.first == UInt8(ascii: "r") {
                        if i == range.lowerBound || !isLetter(text[i - 1]) { cuts.append(i + o.count); hit = true }
                    } else { cuts.append(i); hit = true }
                    // Past the opener, so `, while` is one cut, not two.
                    if hit { i += o.count - 1 }
                    break
                }
                if hit { i += 1; continue }
                if !hit, b == UInt8(ascii: ","), text[i..<min(range.upperBound, i + 6)].elementsEqual(Array(", and ".utf8)) {
                    var j = i + 6
                    while j < range.upperBound, isLetter(text[j]) { j += 1 }
                    if subjects.contains(String(decoding: text[(i + 6)..<j], as: UTF8.self).lowercased()) { cuts.append(i) }
                }
            }
            i += 1
        }
        var out: [Range<Int>] = []
        var begin = range.lowerBound
        for c in cuts where c > begin && c < range.upperBound { out.append(begin..<c); begin = c }
        out.append(begin..<range.upperBound)
        return out
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
}
