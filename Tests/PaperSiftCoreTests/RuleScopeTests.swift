import Foundation
import Testing
@testable import PaperSiftCore

/// Each stage compiles only the rules of its fields (`RuleScope`), and rule sets copied for worker
/// threads find what the original finds.
@Suite struct RuleScopeTests {
    /// A temporary rules directory holding `files` (path → text).
    func rulesDirectory(_ files: [String: String]) -> String {
        let dir = NSTemporaryDirectory() + "papersift-scope-" + UUID().uuidString
        for (path, text) in files {
            let full = dir + "/" + path
            try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
        }
        return dir
    }

    /// The seed corpus and the format samples, cleaned and segmented with these rules, as JSON.
    func occurrences(_ cleanRules: RuleSet, _ segmentRules: RuleSet) throws -> [String] {
        let (context, _) = Fixtures.context()
        let cleaner = Cleaner(rules: cleanRules), segmenter = Segmenter(rules: segmentRules)
        var out: [String] = []
        for p in Fixtures.corpus + Fixtures.documentSamples {
            try cleaner.clean(path: p, context: context) { record in
                try? segmenter.process(record, context: context) { out.append($0.jsonString()) }
            }
        }
        try segmenter.finish(context: context) { out.append($0.jsonString()) }
        return out
    }

    let cleanRule = "id: clean.x\nfield: clean\ndescription: d\npattern: ^Subscribe$\nmatch: [[Subscribe]]\nno-match: x\n"
    let badNumberRule = "id: number.bad\nfield: numbers\ndescription: d\npattern: (?<raw>\\d+(\nunit: %\nmatch: [[1]]\nno-match: x\n"

    @Test func anInvalidPatternStopsOnlyTheCommandsThatCompileItsField() throws {
        let dir = rulesDirectory(["clean/x.rule": cleanRule, "numbers/bad.rule": badNumberRule])
        let clean = try RuleSet(directory: dir, scope: Cleaner.ruleScope)
        #expect(clean.rules.map(\.id) == ["clean.x"])
        // The uncompiled rule is still there as a definition, for its attributes.
        #expect(clean.definitions(for: "numbers").map { $0.attributes["unit"] } == ["%"])
        for scope in [RuleScope.everything, Extractor.ruleScope] {
            #expect {
                _ = try RuleSet(directory: dir, scope: scope)
            } throws: { error in
                "\(error)".hasPrefix(dir + "/numbers/bad.rule:4: PCRE2 error at offset") && "\(error)".contains("missing closing parenthesis")
            }
        }
    }

    @Test func aMalformedRuleFileStopsEveryCommandThatLoadsRules() {
        let dir = rulesDirectory(["clean/x.rule": cleanRule, "numbers/bad.rule": "id: number.bad\nfield: numbers\n"])
        for scope in [Cleaner.ruleScope, Segmenter.ruleScope, Normalizer.ruleScope, RuleScope.everything] {
            #expect(throws: RuleError.self) { _ = try RuleSet(directory: dir, scope: scope) }
        }
    }

    @Test func eachStageScopeGivesTheSameOutputAsTheWholeRuleSet() throws {
        let all = Fixtures.rules
        let extractor = try Extractor(rules: all)
        let scopedExtractor = try Extractor(rules: try RuleSet(directory: Fixtures.rulesDirectory, scope: Extractor.ruleScope))
        let normalizer = Normalizer(rules: all)
        let scopedNormalizer = Normalizer(rules: try RuleSet(directory: Fixtures.rulesDirectory, scope: Normalizer.ruleScope))
        let lines = try occurrences(all, all)
        let scoped = try occurrences(try RuleSet(directory: Fixtures.rulesDirectory, scope: Cleaner.ruleScope),
                                     try RuleSet(directory: Fixtures.rulesDirectory, scope: Segmenter.ruleScope))
        #expect(lines.count > 100)
        #expect(scoped == lines)
        for line in lines {
            let occurrence = try Occurrence(json: JSONParser.parse(line))
            let extracted = try extractor.extract(occurrence)
            #expect(try scopedExtractor.extract(occurrence).jsonString() == extracted.jsonString())
            #expect(scopedNormalizer.normalize(extracted).jsonString() == normalizer.normalize(extracted).jsonString())
        }
    }

    @Test func aCopiedRuleSetFindsWhatTheOriginalFinds() throws {
        let original = Fixtures.rules
        let extractor = try Extractor(rules: original)
        let copy = RuleSet(copying: original)
        #expect(copy.rules.map(\.id) == original.rules.map(\.id))
        let copiedExtractor = try Extractor(rules: copy)
        for line in try occurrences(original, original) {
            let occurrence = try Occurrence(json: JSONParser.parse(line))
            #expect(try copiedExtractor.extract(occurrence).jsonString() == extractor.extract(occurrence).jsonString())
        }
    }
    /// Copies share the compiled and JIT code, which is made on first use: four threads using
    /// fresh copies at once (each compilation prepared by whichever gets there first) find
    /// exactly what one thread finds.
    @Test func copiesUsedAtOnceOnSeveralThreadsFindWhatOneThreadFinds() throws {
        let fresh = try RuleSet(directory: Fixtures.rulesDirectory)
        _ = try fresh.aliasRule()
        let copies = (0..<4).map { _ in RuleSet(copying: fresh) }
        let lines = try occurrences(Fixtures.rules, Fixtures.rules)
        let occurrences = try lines.map { try Occurrence(json: JSONParser.parse($0)) }
        let expected = try Extractor(rules: Fixtures.rules).jsonLines(occurrences)
        final class Results: @unchecked Sendable { let lock = NSLock(); var byThread: [[String]] = [] }
        let results = Results()
        let group = DispatchGroup()
        for copy in copies {
            let box = UncheckedBox((copy, occurrences))
            group.enter()
            Thread {
                let (rules, occurrences) = box.value
                let found = (try? Extractor(rules: rules).jsonLines(occurrences)) ?? []
                results.lock.lock(); results.byThread.append(found); results.lock.unlock()
                group.leave()
            }.start()
        }
        group.wait()
        #expect(results.byThread.count == 4)
        for found in results.byThread { #expect(found == expected) }
    }

    /// `sift run --threads 2` has a worker JIT-compile the rules last first while the calling
    /// thread matches. Alone, it prepares every text and normalisation rule for ASCII text (none
    /// was before); run while another thread matches, that thread finds what it finds unprepared.
    @Test func preparingAheadPreparesEveryRuleAndChangesNoFinding() throws {
        let alone = try RuleSet(directory: Fixtures.rulesDirectory)
        let aloneExtractor = try Extractor(rules: alone)
        let textRules = Extractor.textFields.flatMap { alone.rules(for: $0) } + [try alone.aliasRule()].compactMap { $0 }
        let normalizeRules = (Normalizer.ruleScope.fields ?? []).flatMap { alone.rules(for: $0) }
        #expect(textRules.count > 30 && !normalizeRules.isEmpty)
        #expect((textRules + normalizeRules).allSatisfy { !$0.pattern.isPrepared(asciiSubject: true) })
        FusedPipeline.prepareAhead(RuleSet(copying: alone), aloneExtractor)
        #expect((textRules + normalizeRules).allSatisfy { $0.pattern.isPrepared(asciiSubject: true) })

        let fresh = try RuleSet(directory: Fixtures.rulesDirectory)
        let lines = try occurrences(Fixtures.rules, Fixtures.rules)
        let occurrences = try lines.map { try Occurrence(json: JSONParser.parse($0)) }
        let expected = try Extractor(rules: Fixtures.rules).jsonLines(occurrences)
        let matcher = try Extractor(rules: fresh)
        let worker = RuleSet(copying: fresh)
        let box = UncheckedBox((worker, try Extractor(rules: worker)))
        let group = DispatchGroup()
        group.enter()
        Thread {
            FusedPipeline.prepareAhead(box.value.0, box.value.1)
            group.leave()
        }.start()
        let found = try matcher.jsonLines(occurrences)
        group.wait()
        #expect(found == expected)
    }
}

private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

private extension Extractor {
    func jsonLines(_ occurrences: [Occurrence]) throws -> [String] {
        try occurrences.map { try extract($0).jsonString() }
    }
}
