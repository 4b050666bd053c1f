import Foundation
import Testing
@testable import PaperSiftCore

/// The `starts:` and `window:` search hints: what they mean on made-up rules, that the checker
/// catches a wrong one, and that the bundled rules find exactly what a full scan finds.
@Suite struct SearchHintTests {
    func rule(_ body: String) throws -> CompiledRule {
        try CompiledRule(try RuleFileParser.parse(text: "id: x.r\nfield: benchmarks\ndescription: d\n" + body, file: "x.rule"))
    }

    func raws(_ rule: CompiledRule, _ text: String) throws -> [String] {
        var copy = text
        return try copy.withUTF8Bytes { buf throws(PatternMatchError) in try rule.findings(in: buf) }.map(\.raw)
    }

    @Test func aWindowLooksOnlyThatFarBeforeEachPrefilterLiteral() throws {
        let body = "prefilter: bench\nwindow: 10\npattern: \\b[A-Z]{3}\\b\nmatch: [[XYZ]] bench\nno-match: xyz bench\n"
        let hinted = try rule(body)
        let full = try CompiledRule(hinted.definition, fullScan: true)
        let text = "ABC " + String(repeating: "x", count: 40) + " XYZ DEF bench and GHI bench"
        #expect(try raws(hinted, text) == ["XYZ", "DEF", "GHI"])
        #expect(try raws(full, text) == ["ABC", "XYZ", "DEF", "GHI"])
        // ABC is 40 bytes before the literal: the examples pass, but the checker compares with a full scan.
        #expect(RuleChecker.check([hinted]).failures.isEmpty)
    }

    @Test func startsTriesThePatternOnlyWhereALiteralBeginsAWord() throws {
        let hinted = try rule("flags: caseless\nstarts: foo\npattern: \\bfoo\\w*\nmatch: [[Foobar]]\nno-match: bar\n")
        #expect(try raws(hinted, "FOO, Foobar and foo; xfoo") == ["FOO", "Foobar", "foo"])
        #expect(try raws(hinted, "é FOO") == ["FOO"])
    }

    @Test func startsAtAnyAlsoTriesInsideWords() throws {
        let anywhere = try rule("starts: 1 | 2 | ≤\nstarts-at: any\npattern: (?:≤\\s?)?\\d+x\nmatch: [[2x]]\nno-match: x\n")
        let atWords = try rule("starts: 1 | 2 | ≤\npattern: (?:≤\\s?)?\\d+x\nmatch: [[2x]]\nno-match: x\n")
        #expect(try raws(anywhere, "A100x and 2x and ≤ 1x") == ["100x", "2x", "≤ 1x"])
        #expect(try raws(atWords, "A100x and 2x and ≤ 1x") == ["2x", "≤ 1x"])
    }

    @Test func startsInsideLiteralsMayBeginInsideWordsWhileStartsOnesBeginAWord() throws {
        let mixed = try rule("starts: by\nstarts-inside: 1 | 2\npattern: (?:\\bby\\s)?\\d+x\nmatch: [[by 2x]]\nno-match: x\n")
        #expect(try raws(mixed, "A100x, by 2x, standby 1x") == ["100x", "by 2x", "1x"])
        #expect(!mixed.pattern.startFilter!.atWordStart)
        // The word literal is not tried inside "standby": only the digit there is.
        let wordOnly = try rule("starts: by\nstarts-inside: 1\npattern: by\\s\\dx\nmatch: [[by 1x]]\nno-match: x\n")
        #expect(try raws(wordOnly, "standby 1x and by 1x") == ["by 1x"])
        #expect(RuleChecker.check([mixed]).failures.isEmpty)
    }

    @Test func theCheckerReportsAHintThatChangesWhatTheRuleFinds() throws {
        let wrong = try rule("starts: foo\npattern: \\b(?:foo|bar)\\b\nmatch: [[foo]] and [[bar]]\nno-match: baz\n")
        let failures = RuleChecker.check([wrong]).failures
        #expect(failures.contains { $0.message.contains("hint changes the findings: ['foo'@0] with it, ['foo'@0, 'bar'@8] without") })
    }

    @Test func badHintsNameTheRuleFileAndLine() {
        func error(_ body: String) -> String {
            do { _ = try rule(body + "pattern: a\nmatch: [[a]]\nno-match: b\n"); return "" } catch { return "\(error)" }
        }
        #expect(error("window: 10\n") == "x.rule:4: 'window:' needs a 'prefilter:' (the window ends at its literals)")
        #expect(error("prefilter: a\nwindow: ten\n") == "x.rule:5: window must be a number of bytes (0 or more)")
        #expect(error("prefilter: a\nstarts: a\nwindow: 3\n") == "x.rule:6: give 'starts:' or 'window:', not both")
        #expect(error("flags: caseless\nstarts: éa\n") == "x.rule:5: starts: 'éa' must not begin with a non-ASCII letter in a caseless rule")
        #expect(error("starts-at: word\n") == "x.rule:4: 'starts-at:' needs a 'starts:'")
        #expect(error("starts: a\nstarts-at: middle\n") == "x.rule:5: starts-at must be 'word' or 'any'")
        #expect(error("starts: a\nstarts-inside: 1\nstarts-at: any\n") == "x.rule:6: give 'starts-at: any' or 'starts-inside:', not both")
        #expect(error("prefilter: a\nstarts-inside: 1\nwindow: 3\n") == "x.rule:6: give 'starts:' or 'window:', not both")
    }

    /// On every abstract of the seed corpus and the real samples, extraction with the bundled
    /// rules' hints gives exactly what it gives with every pattern run over the whole text.
    @Test func theBundledRulesFindTheSameWithAndWithoutTheirHints() throws {
        let hintedRules = Fixtures.rules
        let fullRules = try RuleSet(directory: Fixtures.rulesDirectory, fullScan: true)
        #expect(hintedRules.rules.filter(\.hasSearchHints).count >= 5)
        let (hinted, full) = (try Extractor(rules: hintedRules), try Extractor(rules: fullRules))
        let paths = Fixtures.corpus + Fixtures.documentSamples
        let abstracts = try runPipeline(paths, throughJSON: false)
            .compactMap { try PaperRecord(json: JSONParser.parse($0)).abstract }
        #expect(abstracts.count > 150)
        var found = 0
        for abstract in abstracts {
            var a = abstract
            let (h, f) = try a.withUTF8Bytes { text throws in (try hinted.findings(in: text), try full.findings(in: text)) }
            #expect(h == f, "hints change the findings in: \(abstract.prefix(80))")
            found += h.benchmarks.count + h.numberContext.count + h.links.count
        }
        #expect(found > 150, "findings (corpus and format samples alone: 189)")
    }
}

/// `WordStarts` reads eight bytes at a time; it must list exactly the positions the byte-by-byte
/// definition gives (not after an ASCII letter, digit or `_`, not inside a multi-byte character).
@Suite struct WordStartsTests {
    static func byTheDefinition(_ bytes: [UInt8]) -> [Int] {
        func isWord(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        return bytes.indices.filter { i in (i == 0 || !isWord(bytes[i - 1])) && bytes[i] & 0xC0 != 0x80 }
    }

    @Test func eightBytesAtATimeEqualsTheDefinition() {
        var texts: [[UInt8]] = ["", "a", "ab cd", "x_y-z 9é🚀 A@[`{ _Z", "0123456789:;<=>?@AZ[\\]^_`az{|}~\u{7F}"].map { Array($0.utf8) }
        texts.append(Array(0...255))
        var generator = SystemRandomNumberGenerator()
        for length in 0..<80 { texts.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }) }
        for text in texts {
            var starts = WordStarts()
            text.withUnsafeBufferPointer { starts.index($0) }
            #expect(Array(starts.all) == Self.byTheDefinition(text), "\(text)")
        }
    }
}
