/// Questions about eight bytes at once, asked of a `UInt64` loaded from a byte buffer (SWAR).
enum ByteWords {
    /// Whether any of the eight bytes in `w` is a control character (below 0x20, or 0x7F).
    @inline(__always)
    static func hasControl(_ w: UInt64) -> Bool {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = (w &- 0x2020_2020_2020_2020) & ~w & highs
        return (low | zeroBytes(w ^ 0x7F7F_7F7F_7F7F_7F7F)) != 0
    }

    /// The high bit of every byte of `x` that is zero, and no other bit.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let sevens: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & sevens) &+ sevens) | x | sevens)
    }
}
