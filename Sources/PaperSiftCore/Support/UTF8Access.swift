extension String {
    /// `withUTF8` with typed throws: calls `body` with the string's contiguous UTF-8 bytes (no copy
    /// for native strings).
    @inline(__always)
    public mutating func withUTF8Bytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        var result: Result<R, E>?
        withUTF8 { buf in result = Result { () throws(E) -> R in try body(buf) } }
        return try result!.get()
    }
}
