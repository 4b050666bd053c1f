/// The lines of UTF-8 text as byte ranges, split as `String.split` on `"\n"` splits them: a line
/// ends at an LF that does not follow a CR (a CR LF pair is one character, not a line end), and a
/// CR ending a line is left out. Text ending in a line end has an empty last line, as `split`
/// with empty subsequences kept has. For the rule and alias files, parsed on bytes.
struct ByteLines: Sequence, IteratorProtocol {
    private let text: UnsafeBufferPointer<UInt8>
    private var lineStart = 0
    /// The 1-based number of the line `next()` returned last.
    private(set) var number = 0

    init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

    mutating func next() -> Range<Int>? {
        guard lineStart <= text.count else { return nil }
        var lineEnd = lineStart
        while lineEnd < text.count, !(text[lineEnd] == 0x0A && (lineEnd == 0 || text[lineEnd - 1] != 0x0D)) { lineEnd += 1 }
        defer { lineStart = lineEnd + 1 }
        number += 1
        var end = lineEnd
        if end > lineStart, text[end - 1] == 0x0D { end -= 1 }
        return lineStart..<end
    }
}
