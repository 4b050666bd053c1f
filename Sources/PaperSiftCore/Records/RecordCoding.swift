/// A record whose JSON shape is wrong (valid JSON, but not what the stage expects).
public struct RecordShapeError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A record type that stages exchange as one JSON object per line.
public protocol JSONRecord {
    init(json: JSONValue) throws(RecordShapeError)
    func write(to writer: inout JSONWriter)
    /// The record read straight from one JSON text, when it has the plain shape the stages write;
    /// nil sends it to `JSONParser` + `init(json:)` (see `decode`).
    static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>, repairedUTF8: inout Bool) -> Self?
}

extension JSONRecord {
    public static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>, repairedUTF8: inout Bool) -> Self? { nil }

    /// The record of one JSON text (a line without its newline); sets `repairedUTF8` when invalid
    /// UTF-8 in a string was replaced by U+FFFD. Throws `JSONParseError` or `RecordShapeError`.
    /// The typed fast path and the generic one read every text to the same record or error.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, repairedUTF8: inout Bool) throws -> Self {
        if let record = fastDecode(bytes, repairedUTF8: &repairedUTF8) { return record }
        return try Self(json: JSONParser.parse(bytes, repairedUTF8: &repairedUTF8))
    }

    /// The record as one compact JSON line (without the newline).
    public func jsonBytes() -> [UInt8] {
        var w = JSONWriter(capacity: 1024)
        write(to: &w)
        return w.bytes
    }

    public func jsonString() -> String { String(decoding: jsonBytes(), as: UTF8.self) }
}

/// Typed access to the members of a JSON object, with shape errors that name the field.
struct FieldReader {
    let value: JSONValue
    let what: String

    init(_ value: JSONValue, what: String) throws(RecordShapeError) {
        guard case .object = value else { throw RecordShapeError("\(what) is not a JSON object") }
        self.value = value
        self.what = what
    }

    func string(_ key: String) throws(RecordShapeError) -> String {
        guard let s = value[key]?.stringValue else { throw RecordShapeError("\(what): field '\(key)' must be a string") }
        return s
    }

    func optionalString(_ key: String) throws(RecordShapeError) -> String? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw RecordShapeError("\(what): field '\(key)' must be a string or null") }
        return s
    }

    func int(_ key: String) throws(RecordShapeError) -> Int {
        guard let i = value[key]?.intValue else { throw RecordShapeError("\(what): field '\(key)' must be an integer") }
        return i
    }

    func optionalInt(_ key: String) throws(RecordShapeError) -> Int? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let i = v.intValue else { throw RecordShapeError("\(what): field '\(key)' must be an integer or null") }
        return i
    }

    func optionalDouble(_ key: String) throws(RecordShapeError) -> Double? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let d = v.doubleValue else { throw RecordShapeError("\(what): field '\(key)' must be a number or null") }
        return d
    }

    func array(_ key: String) throws(RecordShapeError) -> [JSONValue] {
        guard let v = value[key], !v.isNull else { return [] }
        guard let a = v.arrayValue else { throw RecordShapeError("\(what): field '\(key)' must be an array") }
        return a
    }

    func optionalObject(_ key: String) throws(RecordShapeError) -> JSONValue? {
        guard let v = value[key], !v.isNull else { return nil }
        guard case .object = v else { throw RecordShapeError("\(what): field '\(key)' must be an object or null") }
        return v
    }

    func strings(_ key: String) throws(RecordShapeError) -> [String] {
        var out: [String] = []
        for e in try array(key) {
            guard let s = e.stringValue else { throw RecordShapeError("\(what): field '\(key)' must hold strings") }
            out.append(s)
        }
        return out
    }

    func records<R: JSONRecord>(_ key: String, as: R.Type) throws(RecordShapeError) -> [R] {
        var out: [R] = []
        for e in try array(key) { out.append(try R(json: e)) }
        return out
    }
}

extension JSONWriter {
    mutating func records<R: JSONRecord>(_ items: [R]) {
        beginArray()
        for r in items { r.write(to: &self) }
        endArray()
    }

    mutating func strings(_ items: [String]) {
        beginArray()
        for s in items { string(s) }
        endArray()
    }
}
