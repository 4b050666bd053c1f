import Testing
import PaperSiftCLI

/// Every command's `--help` lists the options that change what it does, and no other.
@Suite struct HelpOptionsTests {
    static let shared = ["--output", "--rejects", "--strict", "--quiet", "--stats", "--progress"]

    /// The options (`--name`) the OPTIONS section of a help text lists (not those its prose mentions).
    func options(_ help: String) -> Set<String> {
        var out = Set<String>()
        let section = help.components(separatedBy: "OPTIONS:").dropFirst().joined()
        for line in section.split(separator: "\n") {
            let entry = line.drop { $0 == " " }
            guard entry.hasPrefix("-") else { continue }
            // `-o, --output <file>   Help…` or `--progress/--no-progress`: the names before the help text.
            let names = entry.split(separator: "  ", maxSplits: 1).first ?? ""
            for word in names.split(whereSeparator: { " ,/".contains($0) }) where word.hasPrefix("--") {
                out.insert(word.hasPrefix("--no-") ? "--" + word.dropFirst(5) : String(word))
            }
        }
        return out.subtracting(["--help", "--version"])
    }

    @Test func eachStageListsOnlyTheOptionsItUses() {
        let cases: [(String, String, Set<String>)] = [
            ("sift-clean", CleanCommand.helpMessage(), ["--rules", "--format"]),
            ("sift-segment", SegmentCommand.helpMessage(), ["--rules"]),
            ("sift-extract", ExtractCommand.helpMessage(), ["--rules", "--full-scan", "--check-rules", "--profile-rules"]),
            ("sift-normalize", NormalizeCommand.helpMessage(), ["--rules", "--emit-key"]),
            ("sift-dedupe", DedupeCommand.helpMessage(), ["--max-memory", "--temp-dir", "--similar", "--similarity", "--keyed"]),
            ("sift run", RunCommand.helpMessage(), ["--rules", "--format", "--full-scan", "--threads",
                                                    "--max-memory", "--temp-dir", "--similar", "--similarity"]),
        ]
        for (name, help, own) in cases {
            #expect(options(help) == own.union(HelpOptionsTests.shared), "\(name) --help")
        }
    }

    @Test func optionsOfOtherCommandsAreRefused() {
        #expect(throws: (any Error).self) { try CleanCommand.parse(["--full-scan"]) }
        #expect(throws: (any Error).self) { try DedupeCommand.parse(["--rules", "rules"]) }
        #expect(throws: (any Error).self) { try SegmentCommand.parse(["--format", "hf-api"]) }
        #expect(throws: Never.self) { try ExtractCommand.parse(["--full-scan"]) }
        #expect(throws: Never.self) { try RunCommand.parse(["--full-scan", "--format", "hf-api"]) }
    }
}
