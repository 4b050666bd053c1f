/// Little- and big-endian integers and short strings in byte buffers (spill files, sort keys).

@inline(__always) func appendLE<T: FixedWidthInteger>(_ v: T, to out: inout [UInt8]) {
    withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
}

@inline(__always) func appendBE<T: FixedWidthInteger>(_ v: T, to out: inout [UInt8]) {
    withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) }
}

/// A string of at most 65535 bytes, length first (UInt16 little-endian).
func appendShortString(_ s: String, to out: inout [UInt8]) {
    let bytes = Array(s.utf8.prefix(Int(UInt16.max)))
    appendLE(UInt16(bytes.count), to: &out)
    out.append(contentsOf: bytes)
}

/// Reads a string written by `appendShortString` at `at`, and moves `at` past it.
func readShortString(_ b: UnsafeRawBufferPointer, at: inout Int) -> String {
    let n = Int(b.loadUnaligned(fromByteOffset: at, as: UInt16.self).littleEndian)
    defer { at += 2 + n }
    return String(decoding: UnsafeRawBufferPointer(rebasing: b[(at + 2)..<(at + 2 + n)]), as: UTF8.self)
}

/// A big-endian UInt64 at `offset`.
func readBE(_ b: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
    UInt64(bigEndian: b.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
}
