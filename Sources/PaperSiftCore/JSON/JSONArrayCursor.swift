/// Parses a JSON array one element at a time, giving each element's byte offset, so that a
/// reader can tell on which line an element starts (`[` must be the first non-space byte).
public struct JSONArrayCursor {
    private var parser: JSONParser
    private var started = false
    private var finished = false

    /// The bytes must stay valid while the cursor is used.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) { parser = JSONParser(bytes: bytes) }

    /// The next element and the offset of its first byte, or nil after the closing `]` (and
    /// nothing but white space after it).
    public mutating func next() throws(JSONParseError) -> (value: JSONValue, offset: Int)? {
        guard !finished else { return nil }
        let bytes = parser.bytes
        parser.skipSpace()
        if !started {
            guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "[") else {
                throw parser.error("expected a JSON array")
            }
            started = true
            parser.position += 1
            parser.skipSpace()
            if parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: "]") {
                parser.position += 1
                return try end()
            }
        } else {
            guard parser.position < bytes.count else { throw parser.error("unexpected end of input in an array") }
            switch bytes[parser.position] {
            case UInt8(ascii: ","): parser.position += 1; parser.skipSpace()
            case UInt8(ascii: "]"): parser.position += 1; return try end()
            default: throw parser.error("expected ',' or ']'")
            }
        }
        let offset = parser.position
        let value = try parser.parseValue(depth: 1)
        return (value, offset)
    }

    private mutating func end() throws(JSONParseError) -> (value: JSONValue, offset: Int)? {
        finished = true
        parser.skipSpace()
        if parser.position != parser.bytes.count { throw parser.error("unexpected data after the array") }
        return nil
    }
}
