#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, value by value, that JSON bytes are exactly what `JSONWriter` writes (no white space,
/// strings escaped only where the writer escapes, valid UTF-8, numbers in the writer's form), and
/// steps over them. A record type's schema drives it (`CanonicalPaperLine`); any step answers
/// false on the first byte the writer would not have written, and the caller reads the text the
/// ordinary way instead. Never true for a text that would not read back and re-serialise to itself.
struct CanonicalScanner {
    /// A string value: its bytes between the quotes, and whether they hold escapes.
    struct Text {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// Nesting accepted inside free-form values (`value`); deeper texts go the ordinary way.
    static let maxDepth = 16

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    // MARK: structure

    /// Consumes `s` if the bytes continue with it (e.g. `,"title":`).
    @inline(__always) mutating func literal(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard bytes.count - position >= n, memcmp(bytes.baseAddress! + position, s.utf8Start, n) == 0 else { return false }
        position += n
        return true
    }

    @inline(__always) mutating func byte(_ b: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == b else { return false }
        position += 1
        return true
    }

    @inline(__always) func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    /// `[`, elements read by `element` separated by `,`, `]`.
    mutating func array(_ element: (inout CanonicalScanner) -> Bool) -> Bool {
        guard byte(UInt8(ascii: "[")) else { return false }
        if byte(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while byte(UInt8(ascii: ","))
        return byte(UInt8(ascii: "]"))
    }

    /// An array of strings (`JSONWriter.strings`).
    mutating func strings() -> Bool { array { $0.string() != nil } }

    // MARK: scalars

    /// A string as `JSONWriter` writes it.
    mutating func string() -> Text? {
        guard byte(UInt8(ascii: "\"")) else { return nil }
        let start = position
        var escaped = false
        let base = bytes.baseAddress!
        let count = bytes.count
        var i = position
        while i < count {
            // Eight plain ASCII bytes at a time.
            if i + 8 <= count {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0, !JSONWriter.needsEscape(w) { i += 8; continue }
            }
            let b = base[i]
            if b == UInt8(ascii: "\"") {
                position = i + 1
                return Text(start: start, end: i, escaped: escaped)
            }
            if b == UInt8(ascii: "\\") {
                guard let n = CanonicalScanner.escapeLength(base + i, count - i) else { return nil }
                escaped = true
                i += n
                continue
            }
            if b < 0x20 { return nil }
            if b < 0x80 { i += 1; continue }
            guard let n = CanonicalScanner.utf8SequenceLength(base + i, count - i) else { return nil }
            i += n
        }
        return nil
    }

    /// `null` (nil inside) or a string.
    mutating func optionalString() -> Text?? {
        if literal("null") { return .some(nil) }
        guard let t = string() else { return nil }
        return .some(t)
    }

    /// An integer as `JSONWriter.int` writes it (at most 18 bytes, the parser's exact range).
    mutating func int() -> Bool {
        let start = position
        guard let (length, isInteger) = numberToken(), isInteger, length <= 18 else { return false }
        return !isMinusZero(start, length)
    }

    /// `null` or an integer.
    mutating func optionalInt() -> Bool { literal("null") || int() }

    /// A number read as a `Double` and written by `JSONWriter.number`.
    mutating func double() -> Bool {
        let start = position
        guard let (length, isInteger) = numberToken() else { return false }
        // Up to 15 digits, an integer is exactly its Double and is written back as the integer.
        let digits = bytes[start] == UInt8(ascii: "-") ? length - 1 : length
        if isInteger, digits <= 15 { return !isMinusZero(start, length) }
        return writesBack(start: start, isInteger: isInteger, asDouble: true)
    }

    /// Any value, as `JSONWriter.value` writes a `JSONValue` the parser read.
    mutating func value(depth: Int = 0) -> Bool {
        guard let b = peek(), depth < CanonicalScanner.maxDepth else { return false }
        switch b {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "["): return array { $0.value(depth: depth + 1) }
        case UInt8(ascii: "{"):
            position += 1
            if byte(UInt8(ascii: "}")) { return true }
            repeat {
                guard string() != nil, byte(UInt8(ascii: ":")), value(depth: depth + 1) else { return false }
            } while byte(UInt8(ascii: ","))
            return byte(UInt8(ascii: "}"))
        default:
            let start = position
            guard let (length, isInteger) = numberToken() else { return false }
            if isInteger {
                // Read as `.int` and written back as the integer.
                return length <= 18 && !isMinusZero(start, length)
            }
            return writesBack(start: start, isInteger: false, asDouble: false)
        }
    }

    /// A member key the typed readers take as a name of their own (plain ASCII, no escapes), with
    /// its `:`; nil when it is not such a key.
    mutating func plainKey() -> Text? {
        let save = position
        guard let t = string(), !t.escaped, byte(UInt8(ascii: ":")) else { position = save; return nil }
        for i in t.start..<t.end where bytes[i] >= 0x80 { position = save; return nil }
        return t
    }

    /// Whether a text's bytes equal `s`.
    func text(_ t: Text, is s: StaticString) -> Bool {
        t.end - t.start == s.utf8CodeUnitCount && memcmp(bytes.baseAddress! + t.start, s.utf8Start, t.end - t.start) == 0
    }

    // MARK: decoding

    /// The decoded bytes of a string value (unescaped), appended to `out`.
    func decode(_ t: Text, into out: inout [UInt8]) {
        let base = bytes.baseAddress!
        guard t.escaped else { out.append(contentsOf: UnsafeBufferPointer(start: base + t.start, count: t.end - t.start)); return }
        var i = t.start
        while i < t.end {
            let b = base[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            switch base[i + 1] {
            case UInt8(ascii: "n"): out.append(0x0A); i += 2
            case UInt8(ascii: "r"): out.append(0x0D); i += 2
            case UInt8(ascii: "t"): out.append(0x09); i += 2
            case UInt8(ascii: "u"): out.append(CanonicalScanner.hexValue(base[i + 4]) << 4 | CanonicalScanner.hexValue(base[i + 5])); i += 6
            default: out.append(base[i + 1]); i += 2
            }
        }
    }

    /// A string value as a Swift `String`.
    func string(_ t: Text) -> String {
        if !t.escaped { return String(decoding: UnsafeBufferPointer(start: bytes.baseAddress! + t.start, count: t.end - t.start), as: UTF8.self) }
        var out: [UInt8] = []
        decode(t, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: internals

    /// Whether the number token is `-0` (read as 0, written `0`).
    private func isMinusZero(_ start: Int, _ length: Int) -> Bool {
        length == 2 && bytes[start] == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: "0")
    }

    /// Steps over a number token of the parser's grammar: its length and whether it is an integer.
    private mutating func numberToken() -> (Int, Bool)? {
        let start = position
        var isInteger = true
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        var i = position
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return nil }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while isDigit(i) { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        position = i
        return (i - start, isInteger)
    }

    /// Whether the number token from `start` to the position is written back as it is: read as
    /// the parser reads it, written as `JSONWriter.number` writes a Double.
    private func writesBack(start: Int, isInteger: Bool, asDouble: Bool) -> Bool {
        let token = UnsafeBufferPointer(rebasing: bytes[start..<position])
        let text = String(decoding: token, as: UTF8.self)
        let d: Double
        if isInteger, let i = Int(text) {
            guard asDouble else { return String(i) == text }
            d = Double(i)
        } else {
            guard let parsed = Double(text) else { return false }
            d = parsed
        }
        return JSONWriter.numberText(d) == text
    }

    /// The length of a canonical escape at `p` (`\"`, `\\`, `\n`, `\r`, `\t`, or `\u00xx` for the
    /// other control characters, lower-case hex), or nil.
    @inline(__always) private static func escapeLength(_ p: UnsafePointer<UInt8>, _ available: Int) -> Int? {
        guard available >= 2 else { return nil }
        switch p[1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): return 2
        case UInt8(ascii: "u"):
            guard available >= 6, p[2] == 0x30, p[3] == 0x30, p[4] == 0x30 || p[4] == 0x31 else { return nil }
            let low = p[5]
            guard (low >= 0x30 && low <= 0x39) || (low >= 0x61 && low <= 0x66) else { return nil }
            let v = hexValue(p[4]) << 4 | hexValue(low)
            return v == 0x09 || v == 0x0A || v == 0x0D ? nil : 6
        default: return nil
        }
    }

    @inline(__always) private static func hexValue(_ b: UInt8) -> UInt8 { b <= 0x39 ? b - 0x30 : b - 0x61 + 10 }

    /// The length of the valid UTF-8 sequence of two to four bytes at `p`, or nil (overlong
    /// forms, surrogates and values past U+10FFFF are invalid).
    @inline(__always) private static func utf8SequenceLength(_ p: UnsafePointer<UInt8>, _ available: Int) -> Int? {
        @inline(__always) func cont(_ i: Int) -> Bool { p[i] & 0xC0 == 0x80 }
        let b = p[0]
        switch b {
        case 0xC2...0xDF:
            return available >= 2 && cont(1) ? 2 : nil
        case 0xE0...0xEF:
            guard available >= 3, cont(1), cont(2) else { return nil }
            if b == 0xE0 && p[1] < 0xA0 { return nil }
            if b == 0xED && p[1] > 0x9F { return nil }
            return 3
        case 0xF0...0xF4:
            guard available >= 4, cont(1), cont(2), cont(3) else { return nil }
            if b == 0xF0 && p[1] < 0x90 { return nil }
            if b == 0xF4 && p[1] > 0x8F { return nil }
            return 4
        default:
            return nil
        }
    }
}
