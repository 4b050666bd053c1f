import Foundation
import Testing
import PaperSiftCore

/// Broken and hostile text documents through the real `sift run` executable: each variant of a
/// seed page must give the same records as the page itself (or say exactly what it rejected), the
/// documented exit code, `file:line` diagnostics, and a balanced `--stats` account.
@Suite struct HostileTextInputTests {
    static let sample = Fixtures.corpus[0]
    static let name = URL(fileURLWithPath: sample).lastPathComponent
    static let original = Fixtures.bytes(sample)
    static let originalLines = original.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)

    /// `sift run` on the unmodified seed page, once.
    static let expected: Tools.Result = try! Tools.run("sift", ["run", sample])

    /// A variant of the seed page under the same file name (records carry the name).
    func variant(_ bytes: [UInt8]) -> String { Fixtures.temporaryFile(bytes: bytes, name: Self.name) }

    func variant(lines: [[UInt8]]) -> String { variant(Array(lines.joined(separator: [0x0A]))) }

    func siftRun(_ paths: String...) throws -> Tools.Result { try Tools.run("sift", ["run", "--stats"] + paths) }

    /// The 1-based number of the first line longer than `bytes` (an abstract).
    static func firstLongLine(_ bytes: Int = 200) -> Int {
        originalLines.firstIndex(where: { $0.count > bytes })! + 1
    }

    @Test func theSeedPageItselfIsClean() {
        #expect(Self.expected.status == 0)
        #expect(Self.expected.stderr.isEmpty)
        #expect(Self.expected.stdoutLines.count > 10)
    }

    @Test func emptyFile() throws {
        let r = try siftRun(variant([]))
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let stats = expectBalancedStats(r.stderr)
        #expect(stats.first?.recordsIn == 0)
    }

    @Test func fileWithoutFinalNewline() throws {
        var bytes = Self.original
        while bytes.last == 0x0A { bytes.removeLast() }
        let r = try siftRun(variant(bytes))
        #expect(r.status == 0)
        expectSameOutput(r.stdout, Self.expected.stdout)
        expectBalancedStats(r.stderr)
    }

    @Test func crlfLineEnds() throws {
        let r = try siftRun(variant(lines: Self.originalLines.map { $0 + [0x0D] }))
        #expect(r.status == 0)
        expectSameOutput(r.stdout, Self.expected.stdout)
        expectBalancedStats(r.stderr)
    }

    @Test func utf8ByteOrderMark() throws {
        let r = try siftRun(variant([0xEF, 0xBB, 0xBF] + Self.original))
        #expect(r.status == 0)
        expectSameOutput(r.stdout, Self.expected.stdout)
        expectBalancedStats(r.stderr)
    }

    @Test func bomCrlfAndNoFinalNewlineTogether() throws {
        var bytes = [0xEF, 0xBB, 0xBF] + Array(Self.originalLines.map { $0 + [0x0D] }.joined(separator: [0x0A]))
        while bytes.last == 0x0A || bytes.last == 0x0D { bytes.removeLast() }
        let r = try siftRun(variant(bytes))
        expectSameOutput(r.stdout, Self.expected.stdout)
    }

    @Test func invalidUTF8IsReplacedAndReported() throws {
        let lineNumber = Self.firstLongLine()
        var lines = Self.originalLines
        let line = lines[lineNumber - 1]
        let space = line.firstIndex(of: 0x20)!
        lines[lineNumber - 1] = Array(line[..<space]) + [0x20, 0xC3, 0x28, 0xFF, 0xFE] + Array(line[space...])
        let r = try siftRun(variant(lines: lines))
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(Self.name):\(lineNumber): warning: invalid UTF-8 replaced by U+FFFD"))
        #expect(r.stdoutLines.count == Self.expected.stdoutLines.count)
        #expect(r.stdoutLines.filter { $0.contains("\u{FFFD}") }.count == 1)
        let stats = expectBalancedStats(r.stderr)
        #expect(stats.first?.rejected == 0)
        #expect(r.stderr.contains("warnings 1,"))
    }

    @Test func nulBytesAreRemovedAndReported() throws {
        let lineNumber = Self.firstLongLine()
        var lines = Self.originalLines
        var line = lines[lineNumber - 1]
        line.insert(contentsOf: [0x00, 0x00], at: line.count / 2)
        line.insert(0x00, at: 3)
        lines[lineNumber - 1] = line
        // A line of NUL bytes where the page has a blank line is still a blank line.
        let blank = lines.indices.first(where: { $0 > lineNumber && lines[$0].isEmpty })!
        lines[blank] = [0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
        let r = try siftRun(variant(lines: lines))
        #expect(r.status == 0)
        expectSameOutput(r.stdout, Self.expected.stdout)
        #expect(r.stderr.contains("\(Self.name):\(lineNumber): warning: control characters removed (3 bytes)"))
        #expect(r.stderr.contains("\(Self.name):\(blank + 1): warning: control characters removed (6 bytes)"))
        expectBalancedStats(r.stderr)
    }

    @Test func aLineOfBinaryJunkIsRejectedAndTheRestGoesThrough() throws {
        var rng = SeededRandom(seed: 6)
        let junk = (0..<300).map { _ in rng.byte(excluding: [0x0A]) }
        var lines = Self.originalLines
        let at = Self.firstLongLine() // the blank line after an abstract becomes junk (a line of junk ends a paragraph)
        #expect(lines[at].isEmpty)
        lines[at] = junk
        let r = try siftRun(variant(lines: lines))
        #expect(r.status == 1)
        expectSameOutput(r.stdout, Self.expected.stdout)
        #expect(r.stderr.contains("sift-clean: \(Self.name):\(at + 1): binary data, not text"))
        let stats = expectBalancedStats(r.stderr)
        #expect(stats.first?.rejected == 1)
    }

    @Test func aBinaryDocumentIsRefusedAndTheOtherInputsStillGoThrough() throws {
        var rng = SeededRandom(seed: 7)
        let junk = Fixtures.temporaryFile(bytes: (0..<65_536).map { _ in rng.byte() }, name: "junk.bin")
        let r = try siftRun(junk, Self.sample)
        #expect(r.status == 3)
        expectSameOutput(r.stdout, Self.expected.stdout)
        #expect(r.stderr.contains("junk.bin: binary data, not a text document"))
        expectBalancedStats(r.stderr)
    }

    @Test func utf16IsRefusedWithAHint() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("Title\n\nAbstract\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let r = try siftRun(Fixtures.temporaryFile(bytes: utf16, name: "utf16.txt"))
        #expect(r.status == 3)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("utf16.txt: UTF-16 text is not supported"))
    }

    @Test func aDirectoryArgumentFailsThatInputOnly() throws {
        let dir = Fixtures.temporaryDirectory()
        let r = try siftRun(dir, Self.sample)
        #expect(r.status == 3)
        expectSameOutput(r.stdout, Self.expected.stdout)
        #expect(r.stderr.contains("\(dir): is a directory"))
        expectBalancedStats(r.stderr)
    }

    @Test func aMissingFileFailsThatInputOnly() throws {
        let missing = Fixtures.temporaryDirectory() + "/no-such-file.txt"
        let r = try siftRun(missing, Self.sample)
        #expect(r.status == 3)
        expectSameOutput(r.stdout, Self.expected.stdout)
        #expect(r.stderr.contains("\(missing): No such file or directory"))
    }

    /// Root reads a mode-000 file anyway, so this case only runs as an ordinary user; the
    /// directory and missing-file cases above cover the same path (an input that cannot be opened).
    @Test(.enabled(if: geteuid() != 0, "running as root: a chmod 000 file is still readable"))
    func anUnreadableFileFailsThatInputOnly() throws {
        let path = Fixtures.temporaryFile(bytes: Self.original, name: "unreadable.txt")
        chmod(path, 0)
        let r = try siftRun(path, Self.sample)
        #expect(r.status == 3)
        expectSameOutput(r.stdout, Self.expected.stdout)
        #expect(r.stderr.contains("\(path): Permission denied"))
    }

    @Test func aTenMegabyteLineGoesThroughPipedAndFused() throws {
        var rng = SeededRandom(seed: 10)
        let words = ["graph", "model", "token", "policy", "robot", "learning", "vision", "the", "of", "and"]
        var abstract: [UInt8] = []
        abstract.reserveCapacity(10_500_000)
        while abstract.count < 10 * 1024 * 1024 {
            abstract.append(contentsOf: words[rng.int(below: words.count)].utf8)
            abstract.append(0x20)
        }
        abstract.removeLast()
        let text = Array("A Paper With A Very Long Abstract\n\n".utf8) + abstract + Array("\n\n  • 3 authors\n·\nSep 10, 2019\n".utf8)
        let path = Fixtures.temporaryFile(bytes: text, name: "long-line.txt")
        let fused = try Tools.run("sift", ["run", path])
        #expect(fused.status == 0)
        #expect(fused.stderr.isEmpty)
        let records = fused.stdoutLines
        #expect(records.count == 1)
        let record = try PaperRecord(json: JSONParser.parse(records[0]))
        #expect(record.abstract?.utf8.count == abstract.count)
        #expect(record.authorsCount == 3)
        let piped = try Tools.shell("sift-clean '\(path)' | sift-segment | sift-extract | sift-normalize | sift-dedupe")
        #expect(piped.status == 0)
        expectSameOutput(piped.stdout, fused.stdout)
    }
}

/// A small deterministic generator (SplitMix64) for test data: the same seed gives the same data.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(below n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
    mutating func byte(excluding excluded: Set<UInt8>) -> UInt8 {
        while true { let b = byte(); if !excluded.contains(b) { return b } }
    }
    mutating func element<T>(_ array: [T]) -> T { array[int(below: array.count)] }
}
