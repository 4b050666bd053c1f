/// Writes compact JSON into a byte buffer: keys in the order given, `/` not escaped, non-ASCII
/// kept as UTF-8, integral numbers without a fraction. The same value always gives the same bytes.
public struct JSONWriter {
    public var bytes: [UInt8] = []
    /// Open objects and arrays.
    private var depth = 0
    /// Whether the next member or element needs a `,` first (something was written before it in
    /// the innermost open object or array; false right after a key).
    private var needsComma = false

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public mutating func reset() { bytes.removeAll(keepingCapacity: true); depth = 0; needsComma = false }

    // MARK: structure

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"key":`; the next value written is that key's value.
    public mutating func key(_ k: StaticString) {
        // `,"key":` assembled on the stack and appended at once.
        let n = k.utf8CodeUnitCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 4) { out in
            var i = 0
            if needsComma { out[0] = UInt8(ascii: ","); i = 1 }
            out[i] = UInt8(ascii: "\"")
            UnsafeMutableRawPointer(out.baseAddress! + i + 1).copyMemory(from: k.utf8Start, byteCount: n)
            out[i + n + 1] = UInt8(ascii: "\"")
            out[i + n + 2] = UInt8(ascii: ":")
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<(i + n + 3)]))
        }
        needsComma = false
    }

    public mutating func key(_ k: String) {
        separate()
        writeQuoted(k)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: scalars

    public mutating func null() { separate(); append("null") }
    public mutating func bool(_ b: Bool) { separate(); append(b ? "true" : "false") }
    public mutating func int(_ i: Int) { separate(); bytes.append(contentsOf: String(i).utf8) }

    /// A number; integral values are written without a fraction (`81.0` → `81`).
    public mutating func number(_ d: Double) {
        separate()
        bytes.append(contentsOf: JSONWriter.numberText(d).utf8)
    }

    /// The text `number` writes for `d`: `null` for NaN and infinities, integral values without
    /// a fraction, others as Swift describes them (shortest round-trip form).
    static func numberText(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return "null" }
        if d.rounded() == d, abs(d) < 1e15 { return String(Int(d)) }
        return d.description
    }

    public mutating func string(_ s: String) { separate(); writeQuoted(s) }

    public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func int(_ i: Int?) { if let i { int(i) } else { null() } }

    /// Writes any `JSONValue`.
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .double(let d): number(d)
        case .string(let s): string(s)
        case .array(let a):
            beginArray(); for e in a { value(e) }; endArray()
        case .object(let members):
            beginObject(); for (k, e) in members { key(k); value(e) }; endObject()
        }
    }

    // MARK: internals

    /// Writes the `,` a value, member or element needs before it.
    @inline(__always) private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = depth > 0
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        bytes.append(bracket)
        needsComma = depth > 0
    }

    private mutating func append(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether any of the eight bytes in `w` is a control character, `"` or `\\`.
    @inline(__always)
    static func needsEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let control = (w &- 0x2020_2020_2020_2020) & ~w & highs
        return (control | hasZeroByte(w ^ 0x2222_2222_2222_2222) | hasZeroByte(w ^ 0x5C5C_5C5C_5C5C_5C5C)) != 0
    }

    private mutating func writeQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { buf in
            var runStart = 0
            var i = 0
            while i < buf.count {
                // Eight bytes at a time while none of them needs escaping.
                if i + 8 <= buf.count, !JSONWriter.needsEscape(UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let at = i
                let b = buf[at]
                i += 1
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if runStart < at { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<at])) }
                runStart = at + 1
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30,
                                              JSONWriter.hex[Int(b >> 4)], JSONWriter.hex[Int(b & 0xF)]])
                }
            }
            if runStart < buf.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<buf.count])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
