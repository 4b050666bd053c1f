import Foundation
import Testing
import PaperSiftCore

/// Broken JSON Lines through each JSON-reading stage executable, on the stage's real input (the
/// seed corpus after the stages before it): a bad line is rejected with the JSON Lines file and
/// line number, goes to `--rejects`, and leaves the other records exactly as they were.
@Suite struct HostileJSONLinesTests {
    static let jsonStages = ["sift-segment", "sift-extract", "sift-normalize", "sift-dedupe"]

    /// A stage's output on its unmodified corpus input.
    static func expected(_ stage: String) throws -> Tools.Result {
        try Tools.run(stage, [Fixtures.stageInput[stage]!])
    }

    static func input(_ stage: String) -> [String] { Fixtures.textLines(Fixtures.stageInput[stage]!) }

    func write(_ lines: [String], name: String = "input.jsonl") -> String {
        Fixtures.temporaryFile(lines.map { $0 + "\n" }.joined(), name: name)
    }

    @Test(arguments: jsonStages)
    func truncatedLineIsRejectedWithFileAndLine(stage: String) throws {
        var lines = Self.input(stage)
        let truncated = String(lines[2].prefix(lines[2].utf8.count / 2))
        lines[2] = truncated
        let path = write(lines)
        let rejects = Fixtures.temporaryDirectory() + "/rejects.jsonl"
        let r = try Tools.run(stage, ["--stats", "--rejects", rejects, path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(stage): \(path):3: invalid JSON at byte"))
        var withoutLine3 = Self.input(stage)
        withoutLine3.remove(at: 2)
        let reference = try Tools.run(stage, [write(withoutLine3)])
        expectSameOutput(r.stdout, reference.stdout)
        let rejected = Fixtures.textLines(rejects)
        #expect(rejected.count == 1)
        let reject = try JSONParser.parse(rejected[0])
        #expect(reject["stage"]?.stringValue == stage)
        #expect(reject["source"]?.stringValue == path)
        #expect(reject["line"]?.intValue == 3)
        #expect(reject["raw"]?.stringValue == truncated)
        #expect(reject["reason"]?.stringValue?.hasPrefix("invalid JSON") == true)
        let stats = expectBalancedStats(r.stderr)
        #expect(stats.first?.rejected == 1)
    }

    @Test(arguments: jsonStages)
    func validJSONOfTheWrongShapeIsRejected(stage: String) throws {
        var lines = Self.input(stage)
        lines[0] = #"{"title": 42, "abstract": ["not", "a", "string"]}"#
        lines[4] = "[1, 2, 3]"
        lines[6] = #""just a string""#
        let path = write(lines)
        let r = try Tools.run(stage, ["--stats", path])
        #expect(r.status == 1)
        for n in [1, 5, 7] { #expect(r.stderr.contains("\(stage): \(path):\(n): "), "line \(n)") }
        #expect(!r.stderr.contains("invalid JSON"))
        var others = Self.input(stage)
        for i in [6, 4, 0] { others.remove(at: i) }
        expectSameOutput(r.stdout, (try Tools.run(stage, [write(others)])).stdout)
        #expect(expectBalancedStats(r.stderr).first?.rejected == 3)
    }

    @Test(arguments: jsonStages)
    func standardInputIsNamedInDiagnostics(stage: String) throws {
        var lines = Self.input(stage)
        lines[1] = "{"
        let r = try Tools.run(stage, [], stdin: write(lines))
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(stage): <stdin>:2: invalid JSON"))
    }

    @Test(arguments: jsonStages)
    func crlfBomAndNoFinalNewlineChangeNothing(stage: String) throws {
        var text = [0xEF, 0xBB, 0xBF] + Array(Self.input(stage).joined(separator: "\r\n").utf8)
        text += Array("\r\n\r\n".utf8) // blank lines hold no record
        let r = try Tools.run(stage, ["--stats", Fixtures.temporaryFile(bytes: text, name: "input.jsonl")])
        #expect(r.status == 0)
        expectSameOutput(r.stdout, (try Self.expected(stage)).stdout)
        expectBalancedStats(r.stderr)
    }

    @Test(arguments: jsonStages)
    func emptyInput(stage: String) throws {
        let r = try Tools.run(stage, ["--stats", Fixtures.temporaryFile("", name: "empty.jsonl")])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(expectBalancedStats(r.stderr).first?.recordsIn == 0)
    }

    @Test(arguments: jsonStages)
    func invalidUTF8InAStringIsReplacedAndReported(stage: String) throws {
        var lines = Self.input(stage).map { Array($0.utf8) }
        // Inside the text of line 2 (a paragraph's text, else a title), after its first character.
        let key = Array((stage == "sift-segment" ? #""text":""# : #""title":""#).utf8)
        let at = lines[1].indices.first(where: { Array(lines[1][$0..<min($0 + key.count, lines[1].count)]) == key })! + key.count + 1
        lines[1].insert(contentsOf: [0xC3, 0x28, 0xFF], at: at)
        let path = Fixtures.temporaryFile(bytes: Array(lines.joined(separator: [0x0A])), name: "input.jsonl")
        let r = try Tools.run(stage, ["--stats", path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(stage): \(path):2: warning: invalid UTF-8 replaced by U+FFFD"))
        #expect(String(decoding: r.stdout, as: UTF8.self).contains("\u{FFFD}"))
        #expect(expectBalancedStats(r.stderr).first?.rejected == 0)
    }

    @Test(arguments: jsonStages)
    func rawNulAndControlBytesAreRejected(stage: String) throws {
        var lines = Self.input(stage).map { Array($0.utf8) }
        lines[0].insert(0x00, at: lines[0].count / 2)
        lines[3].insert(0x01, at: 0)
        let path = Fixtures.temporaryFile(bytes: Array(lines.joined(separator: [0x0A])), name: "input.jsonl")
        let r = try Tools.run(stage, ["--stats", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):1: invalid JSON"))
        #expect(r.stderr.contains("\(path):4: invalid JSON"))
        #expect(expectBalancedStats(r.stderr).first?.rejected == 2)
    }

    @Test(arguments: jsonStages)
    func binaryJunkIsRejectedLineByLine(stage: String) throws {
        var rng = SeededRandom(seed: 66)
        let junk = (0..<20_000).map { _ in rng.byte() }
        let path = Fixtures.temporaryFile(bytes: junk, name: "junk.jsonl")
        let nonBlankLines = junk.split(separator: 0x0A).filter { line in
            line.contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }
        }.count
        let r = try Tools.run(stage, ["--stats", "--quiet", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let stats = expectBalancedStats(r.stderr)
        #expect(stats.first?.rejected == nonBlankLines)
    }

    @Test(arguments: jsonStages)
    func aDirectoryOrMissingFileFailsThatInputOnly(stage: String) throws {
        let dir = Fixtures.temporaryDirectory()
        let r = try Tools.run(stage, ["--stats", dir, dir + "/missing.jsonl", Fixtures.stageInput[stage]!])
        #expect(r.status == 3)
        #expect(r.stderr.contains("\(stage): \(dir): is a directory"))
        #expect(r.stderr.contains("\(stage): \(dir)/missing.jsonl: No such file or directory"))
        expectSameOutput(r.stdout, (try Self.expected(stage)).stdout)
        #expect(expectBalancedStats(r.stderr).first?.stage == stage)
        #expect(r.stderr.contains("inputs failed 2"))
    }

    @Test func deeplyNestedJSONIsRejectedNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let lines = [deep, String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000)]
        let r = try Tools.run("sift-extract", ["--stats", write(lines)])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nesting deeper than"))
        #expect(expectBalancedStats(r.stderr).first?.rejected == 2)
    }
    /// A number that overflows a Double (`1e309`) in a typed number: read as infinity it used to
    /// be stored as `null`, which stopped dedupe when it read its own log back (exit 3). Now the
    /// line is rejected with its file and line, and the other papers come out as before.
    @Test func aNumberBeyondADoubleIsRejectedWithFileAndLine() throws {
        var lines = Self.input("sift-dedupe")
        guard let n = lines.firstIndex(where: { $0.contains(#""value":"#) }) else {
            Issue.record("no typed number in the dedupe fixture"); return
        }
        let original = lines[n]
        lines[n] = original.replacing(/"value":[-0-9.eE+]+/, maxReplacements: 1) { _ in #""value":1e309"# }
        #expect(lines[n] != original)
        lines.append(lines[n])  // twice, so that dedupe folds it and reads its log back
        let path = write(lines)
        let r = try Tools.run("sift-dedupe", ["--stats", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("sift-dedupe: \(path):\(n + 1): invalid JSON at byte"))
        #expect(r.stderr.contains("number out of range"))
        #expect(expectBalancedStats(r.stderr).first?.rejected == 2)
        var others = Self.input("sift-dedupe")
        others.remove(at: n)
        expectSameOutput(r.stdout, (try Tools.run("sift-dedupe", [write(others)])).stdout)
    }
}
