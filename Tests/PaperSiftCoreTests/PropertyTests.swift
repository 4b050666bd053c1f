import Foundation
import Testing
import PaperSiftCore
import PaperSiftCLI

/// Property: for random mixes of good and corrupted records, every input record is accounted
/// for (written, merged or rejected: the rejects are exactly the corrupted lines) and the good
/// records come out exactly as they do without the bad ones. Seeded, so every run checks the
/// same cases; `PAPERSIFT_PROPERTY_SEED` explores others.
@Suite struct PropertyTests {
    static let trials = 25
    static let baseSeed = UInt64(ProcessInfo.processInfo.environment["PAPERSIFT_PROPERTY_SEED"] ?? "") ?? 20_240_801

    /// One JSON Lines stage run in process on a file, the way its executable runs it.
    static func runStage(_ stage: String, path: String, rules: RuleSet) throws -> (out: [String], context: RunContext, rejects: [String]) {
        let dir = Fixtures.temporaryDirectory()
        let rejectsWriter = try OutputWriter(replacing: dir + "/rejects.jsonl")
        let context = RunContext(stage: stage, quiet: true, rejects: rejectsWriter, diagnostics: { _ in })
        var out: [String] = []
        switch stage {
        case "sift-segment":
            let segmenter = Segmenter(rules: rules)
            try JSONLinesInput.read(CleanRecord.self, paths: [path], context: context) { record in
                try segmenter.process(record, context: context) { out.append($0.jsonString()) }
            }
            try segmenter.finish(context: context) { out.append($0.jsonString()) }
        case "sift-extract":
            let extractor = try Extractor(rules: rules)
            try JSONLinesInput.read(Occurrence.self, paths: [path], context: context) { occurrence in
                try extractor.process(occurrence, context: context) { out.append($0.jsonString()) }
            }
        case "sift-normalize":
            let normalizer = Normalizer(rules: rules)
            try JSONLinesInput.read(ExtractedOccurrence.self, paths: [path], context: context) { extracted in
                normalizer.process(extracted, context: context) { out.append($0.jsonString()) }
            }
        case "sift-dedupe":
            let deduper = Deduper()
            try JSONLinesInput.read(PaperRecord.self, paths: [path], context: context) { try deduper.add($0, context: context) }
            try deduper.finish(context: context) { out.append(String(decoding: $0, as: UTF8.self)) }
        default:
            Issue.record("unknown stage \(stage)")
        }
        context.close()
        return (out, context, Fixtures.textLines(dir + "/rejects.jsonl"))
    }

    /// A corrupted copy of a good line, or junk, that no stage may accept.
    static func corrupt(_ good: String, _ rng: inout SeededRandom) -> [UInt8] {
        let bytes = Array(good.utf8)
        switch rng.int(below: 6) {
        case 0: // truncated: an object without its closing brace is never valid JSON
            return Array(bytes.prefix(1 + rng.int(below: bytes.count - 1)))
        case 1: // a raw control byte (not JSON whitespace) anywhere
            var b = bytes
            let controls: [UInt8] = Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F)
            b.insert(rng.element(controls), at: rng.int(below: b.count + 1))
            return b
        case 2: // valid JSON of the wrong shape
            return Array(rng.element(["[]", "[1,2,3]", "42", "\"text\"", "null", "true", "{}", #"{"unexpected":1}"#]).utf8)
        case 3: // the record with its first field's value of the wrong type
            guard case .object(var members) = try! JSONParser.parse(good) else { return Array("{".utf8) }
            members[0].1 = .array([.int(1)])
            var w = JSONWriter()
            w.value(.object(members))
            return w.bytes
        case 4: // binary junk (starting with a byte no JSON value starts with)
            return [0xFF] + (0..<rng.int(below: 300)).map { _ in rng.byte(excluding: [0x0A]) }
        default: // a second record glued on the same line
            return bytes + Array(" ".utf8) + bytes
        }
    }

    @Test(arguments: HostileJSONLinesTests.jsonStages)
    func goodRecordsComeOutUnchangedAndEveryRecordIsAccounted(stage: String) throws {
        let rules = Fixtures.rules
        let all = Fixtures.textLines(Fixtures.stageInput[stage]!)
        for trial in 0..<Self.trials {
            let seed = Self.baseSeed &+ UInt64(trial) &* 7919
            var rng = SeededRandom(seed: seed)
            // A random run of good records (in order), with bad lines and blank lines mixed in.
            let start = rng.int(below: all.count)
            let good = Array(all[start..<min(all.count, start + 1 + rng.int(below: 60))])
            var mixed: [[UInt8]] = []
            var badLineNumbers: [Int] = []
            var lineOfGood: [Int] = [] // line number in the mixed file of each good record
            for record in good {
                while rng.chance(0.3) {
                    if rng.chance(0.2) { mixed.append(Array("   ".utf8)); continue }
                    mixed.append(Self.corrupt(rng.element(all), &rng))
                    badLineNumbers.append(mixed.count)
                }
                mixed.append(Array(record.utf8))
                lineOfGood.append(mixed.count)
            }
            let mixedPath = Fixtures.temporaryFile(bytes: Array(mixed.joined(separator: [0x0A])) + [0x0A], name: "mixed.jsonl")
            let goodPath = Fixtures.temporaryFile(good.map { $0 + "\n" }.joined(), name: "good.jsonl")

            let clean = try Self.runStage(stage, path: goodPath, rules: rules)
            let dirty = try Self.runStage(stage, path: mixedPath, rules: rules)
            let label = "\(stage), seed \(seed)"
            #expect(dirty.out == clean.out, "good records changed by bad ones (\(label))")
            #expect(dirty.context.isBalanced, "\(dirty.context.statsLine) (\(label))")
            #expect(dirty.context.recordsIn == good.count + badLineNumbers.count, "\(label)")
            // The rejects are the bad lines plus whatever the good records alone give (the segment
            // stage rejects a metadata paragraph that a random run starts with), and nothing else.
            func rejectSources(_ rejects: [String]) throws -> [String] {
                try rejects.map { let r = try JSONParser.parse($0); return "\(r["source"]?.stringValue ?? ""):\(r["line"]?.intValue ?? -1)" }
            }
            let expectedRejects = try badLineNumbers.map { "\(mixedPath):\($0)" } + rejectSources(clean.rejects).map { source in
                // A reject of the JSON Lines file itself points into it; map good.jsonl lines to the mixed file.
                guard source.hasPrefix(goodPath + ":"), let n = Int(source.dropFirst(goodPath.count + 1)) else { return source }
                return "\(mixedPath):\(lineOfGood[n - 1])"
            }
            #expect(try rejectSources(dirty.rejects).sorted() == expectedRejects.sorted(), "\(label)")
            #expect(dirty.context.recordsRejected == clean.context.recordsRejected + badLineNumbers.count, "\(label)")
        }
    }

    @Test func textPagesWithJunkLinesKeepTheirPapers() throws {
        // The same for the text path: blank lines of a seed page replaced by lines of binary junk
        // (which end a paragraph, as the blank line did) are rejected one by one and the page's
        // papers come out unchanged, line numbers included.
        let rules = Fixtures.rules
        let page = Fixtures.bytes(Fixtures.corpus[2]).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let name = URL(fileURLWithPath: Fixtures.corpus[2]).lastPathComponent
        func run(_ lines: [[UInt8]]) throws -> ([String], RunContext) {
            let path = Fixtures.temporaryFile(bytes: Array(lines.joined(separator: [0x0A])), name: name)
            let context = RunContext(stage: "sift run", quiet: true, diagnostics: { _ in })
            var out: [String] = []
            try FusedPipeline(rules: rules).run(paths: [path], context: context) { out.append(String(decoding: $0, as: UTF8.self)) }
            return (out, context)
        }
        let (expected, _) = try run(page)
        for trial in 0..<10 {
            var rng = SeededRandom(seed: Self.baseSeed &+ UInt64(trial))
            var lines: [[UInt8]] = []
            var junkLines = 0
            for line in page {
                if line.isEmpty, rng.chance(0.2) {
                    lines.append((0..<(64 + rng.int(below: 200))).map { _ in rng.byte(excluding: [0x0A]) })
                    junkLines += 1
                } else {
                    lines.append(line)
                }
            }
            let (out, context) = try run(lines)
            #expect(out == expected, "trial \(trial)")
            #expect(context.isBalanced, "\(context.statsLines)")
            #expect(context.recordsRejected == junkLines, "trial \(trial)")
        }
    }
}
