/// Reads a JSON object of known shape straight into typed fields, without a `JSONValue` tree: the
/// fast path of `JSONRecord.decode`.
///
/// It only ever answers for records the generic path (`JSONParser` + `init(json:)`) would read
/// to the same value: on anything else (a syntax error, a field of another type, a key given
/// twice, an escaped key, a missing field) it throws `Miss`, and the caller reads the line again
/// with the generic path, which gives the exact record or error. Pull style:
///
///     try r.beginObject()
///     while let key = try r.nextKey() { if key == "title" { title = try r.string() } else { try r.skipValue() } }
struct JSONRecordReader {
    /// The record is not for the fast path; read it with the generic one.
    struct Miss: Error {}

    /// Nesting depth assumed for skipped values: more than any record has, so the parser's depth
    /// limit never lets through what the generic path would refuse.
    private static let skipDepth = 64

    private var parser: JSONParser
    /// Whether the last thing read was a value (a `,` comes before the next member or element).
    private var afterValue = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) { parser = JSONParser(bytes: bytes) }

    /// Whether a string held invalid UTF-8 that was replaced by U+FFFD.
    var repairedUTF8: Bool { parser.repaired }

    /// Checks that nothing but white space follows the record.
    mutating func end() throws(Miss) {
        parser.skipSpace()
        if parser.position != parser.bytes.count { throw Miss() }
    }

    // MARK: structure

    mutating func beginObject() throws(Miss) {
        try expect(UInt8(ascii: "{"))
        afterValue = false
    }

    /// The next member's key (its value is next), or nil after the closing `}`.
    mutating func nextKey() throws(Miss) -> JSONKey? {
        guard try nextItem(closing: UInt8(ascii: "}")) else { return nil }
        parser.skipSpace()
        guard parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: "\"") else { throw Miss() }
        let start = parser.position + 1
        var i = start
        while i < parser.bytes.count, parser.bytes[i] != UInt8(ascii: "\"") {
            if parser.bytes[i] == UInt8(ascii: "\\") || parser.bytes[i] < 0x20 || parser.bytes[i] >= 0x80 { throw Miss() }
            i += 1
        }
        guard i < parser.bytes.count else { throw Miss() }
        parser.position = i + 1
        try expect(UInt8(ascii: ":"))
        return JSONKey(bytes: UnsafeBufferPointer(rebasing: parser.bytes[start..<i]))
    }

    mutating func beginArray() throws(Miss) {
        try expect(UInt8(ascii: "["))
        afterValue = false
    }

    /// Whether another element follows (read it next); false after the closing `]`.
    mutating func nextElement() throws(Miss) -> Bool { try nextItem(closing: UInt8(ascii: "]")) }

    // MARK: values

    /// Consumes `null` if it is next.
    mutating func null() throws(Miss) -> Bool {
        parser.skipSpace()
        guard parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: "n") else { return false }
        _ = try value()
        return true
    }

    mutating func string() throws(Miss) -> String {
        parser.skipSpace()
        guard parser.position < parser.bytes.count, parser.bytes[parser.position] == UInt8(ascii: "\"") else { throw Miss() }
        do { let s = try parser.parseString(); afterValue = true; return s } catch { throw Miss() }
    }

    /// A string or `null` (`FieldReader.optionalString`).
    mutating func optionalString() throws(Miss) -> String? {
        if try null() { return nil }
        return try string()
    }

    /// An integer, or a number with an integral value (`JSONValue.intValue`).
    mutating func int() throws(Miss) -> Int {
        guard let i = try value().intValue else { throw Miss() }
        return i
    }

    mutating func optionalInt() throws(Miss) -> Int? {
        if try null() { return nil }
        return try int()
    }

    /// A number or `null` (`JSONValue.doubleValue`).
    mutating func optionalDouble() throws(Miss) -> Double? {
        if try null() { return nil }
        guard let d = try value().doubleValue else { throw Miss() }
        return d
    }

    /// A value read by `read`, or nil for `null` (`FieldReader.optionalObject`).
    mutating func optional<T>(_ read: (inout JSONRecordReader) throws(Miss) -> T) throws(Miss) -> T? {
        if try null() { return nil }
        return try read(&self)
    }

    /// An array of strings, `null` or nothing being empty (`FieldReader.strings`).
    mutating func strings() throws(Miss) -> [String] {
        var out: [String] = []
        if try null() { return out }
        try beginArray()
        while try nextElement() { out.append(try string()) }
        return out
    }

    /// An array of records read by `element`, `null` being empty (`FieldReader.records`).
    mutating func array<T>(_ element: (inout JSONRecordReader) throws(Miss) -> T) throws(Miss) -> [T] {
        var out: [T] = []
        if try null() { return out }
        try beginArray()
        while try nextElement() { out.append(try element(&self)) }
        return out
    }

    /// Any value, as a `JSONValue` (fields kept as they are, e.g. a link's parts).
    mutating func value() throws(Miss) -> JSONValue {
        parser.skipSpace()
        do { let v = try parser.parseValue(depth: JSONRecordReader.skipDepth); afterValue = true; return v } catch { throw Miss() }
    }

    /// Steps over a value of a member the record does not read.
    mutating func skipValue() throws(Miss) { _ = try value() }

    // MARK: internals

    private mutating func expect(_ byte: UInt8) throws(Miss) {
        parser.skipSpace()
        guard parser.position < parser.bytes.count, parser.bytes[parser.position] == byte else { throw Miss() }
        parser.position += 1
    }

    /// Consumes the `,` before the next item, or the closing byte (then false).
    private mutating func nextItem(closing: UInt8) throws(Miss) -> Bool {
        parser.skipSpace()
        guard parser.position < parser.bytes.count else { throw Miss() }
        let b = parser.bytes[parser.position]
        if b == closing {
            parser.position += 1
            afterValue = true
            return false
        }
        if afterValue {
            guard b == UInt8(ascii: ",") else { throw Miss() }
            parser.position += 1
            afterValue = false
        }
        return true
    }
}

/// An object key as read (plain ASCII, no escapes), compared with literals: `key == "title"`.
struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>

    static func == (key: JSONKey, literal: StaticString) -> Bool {
        guard key.bytes.count == literal.utf8CodeUnitCount else { return false }
        let l = literal.utf8Start
        for i in 0..<key.bytes.count where key.bytes[i] != l[i] { return false }
        return true
    }

    /// The key as a `String` (for members kept by name, e.g. a finding's groups).
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Which fields of a record were read, so that a key given twice goes to the generic path (which
/// keeps the first value).
struct SeenFields {
    private var bits: UInt64 = 0

    /// Marks field `n` (0..<64) as read; throws when it was read before.
    mutating func mark(_ n: Int) throws(JSONRecordReader.Miss) {
        let bit: UInt64 = 1 << UInt64(n)
        if bits & bit != 0 { throw JSONRecordReader.Miss() }
        bits |= bit
    }

    func has(_ n: Int) -> Bool { bits & (1 << UInt64(n)) != 0 }
}
