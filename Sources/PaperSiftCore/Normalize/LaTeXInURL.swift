/// LaTeX left inside a link as written in an abstract, read back to the address the author
/// meant: an escaped character (`\_`, `\%`, `\#`, `\&`, `\~`, `\$`) is the character itself, and
/// the break hints `\-` and `\allowbreak` (with `{}` and the white space after it) go.
/// Any other backslash is kept (the `links` rules end a link there anyway).
enum LaTeXInURL {
    /// `text` with its LaTeX escapes and break hints resolved; `text` itself when it has none.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x5C, i + 1 < bytes.count else { out.append(b); i += 1; continue }
            let next = bytes[i + 1]
            if escaped.contains(next) {
                out.append(next)
                i += 2
            } else if next == 0x2D {
                i += 2
            } else if bytes[(i + 1)...].starts(with: allowbreak) {
                i += 1 + allowbreak.count
                if bytes[i...].starts(with: [0x7B, 0x7D]) { i += 2 }
                while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters a backslash escapes in LaTeX: `_ % # & ~ $`.
    private static let escaped: Set<UInt8> = [0x5F, 0x25, 0x23, 0x26, 0x7E, 0x24]
    private static let allowbreak = Array("allowbreak".utf8)
}
