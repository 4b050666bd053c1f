import Testing
@testable import PaperSiftCore

/// `ByteLines` splits rule and alias files as `String.split(separator: "\n")` did before they
/// were parsed on bytes: a CR LF pair is one character (no line end), a CR ending a line goes.
@Suite struct ByteLinesTests {
    static func lines(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            ByteLines(b).map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
        }
    }

    static func bySplit(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map {
            var line = String($0)
            if line.utf8.last == 0x0D { line = String(decoding: line.utf8.dropLast(), as: UTF8.self) }
            return line
        }
    }

    @Test(arguments: ["", "a", "a\n", "a\nb", "a\n\nb\n", "x\r\ny\r\n", "x\ry\r", "é\n\r\n#c\n", "\n\n", "a\r", "\r\n"])
    func linesAreThoseOfSplittingTheString(_ text: String) {
        #expect(Self.lines(text) == Self.bySplit(text), "\(Array(text.utf8))")
    }

    @Test func numberCountsEveryLine() {
        let bytes = Array("a\n\nb\n".utf8)
        let numbers = bytes.withUnsafeBufferPointer { b -> [Int] in
            var lines = ByteLines(b)
            var out: [Int] = []
            while lines.next() != nil { out.append(lines.number) }
            return out
        }
        #expect(numbers == [1, 2, 3, 4])
    }
}
