#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// The string of UTF-8 bytes, invalid sequences replaced by U+FFFD, and whether any were.
    ///
    /// Same result as `String(validating:as:)` with a repairing fallback, without its generic
    /// (unspecialised) path: valid input decodes to the very same bytes, invalid input never does.
    @inline(__always)
    static func decodingUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, repaired: Bool) {
        var s = String(decoding: bytes, as: UTF8.self)
        let same = s.withUTF8 { out in
            out.count == bytes.count && (out.count == 0 || memcmp(out.baseAddress!, bytes.baseAddress!, out.count) == 0)
        }
        return (s, !same)
    }
}
