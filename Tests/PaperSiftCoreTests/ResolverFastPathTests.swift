import Testing
@testable import PaperSiftCore

/// The byte-level helpers of `ResultResolver`, `SentenceBounds` and `BenchmarkAliases`
/// (`Normalize/ResolverFastPaths.swift`, `ASCIIFastPaths.swift`) give exactly what the
/// Character/Unicode versions give, and decline (nil) what they cannot decide.
@Suite struct ResolverFastPathTests {
    /// Deterministic pseudo-random texts over `alphabet` (a small linear congruential generator).
    static func texts(_ alphabet: [String], count: Int, length: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in (0..<(1 + next() % length)).map { _ in alphabet[next() % alphabet.count] }.joined() }
    }

    static let asciiPieces = ["a", "Z", "q", "7", "0", "-", "@", ".", ",", ";", "(", ")", "+", ":", " ", " ", "  ", "\n", "\r\n",
                              "\r", "\t", "on ", "On ", "in ", "IN ", "across ", "the ", "The ", "MMLU", "GSM8K", "Bench", "x2",
                              "respectively", "RESPECTIVELY", "Respectively,", "respectivelyx", "benchmarks", "Tasks", "datasets",
                              "achieves ", "Improved", "outperforms", "reach", "e.g", "i.e", "Fig", "vs", "al", "w.r.t", "\"", "'"]
    static let nonASCIIPieces = ["é", "e\u{301}", "\u{212A}", "\u{130}", "×", "–", "’", "\u{FFFD}", "日本", "Å", "ß", "ﬁ"]

    static var asciiTexts: [String] { texts(asciiPieces, count: 3000, length: 14, seed: 1) }
    static var mixedTexts: [String] { texts(asciiPieces + nonASCIIPieces, count: 3000, length: 14, seed: 2) }

    @Test func asciiWordsAgreeWithTheUnicodeWords() {
        for text in Self.asciiTexts {
            let bytes = ArraySlice(Array(text.utf8))
            #expect(ResultResolver.asciiWords(bytes) == ResultResolver.unicodeWords(bytes), "\(text.debugDescription)")
        }
        for text in Self.mixedTexts {
            let bytes = ArraySlice(Array(text.utf8))
            if text.utf8.contains(where: { $0 >= 0x80 }) { #expect(ResultResolver.asciiWords(bytes) == nil) }
            #expect(ResultResolver.words(bytes) == ResultResolver.unicodeWords(bytes), "\(text.debugDescription)")
        }
        #expect(ResultResolver.words(ArraySlice(Array("On MMLU-Pro, we@x reach 5%".utf8))) == ["on", "mmlu-pro", "we@x", "reach", "5"])
    }

    @Test func containsWordAgreesWithTheUnicodeWordsOnMixedText() {
        var found = 0
        for text in Self.asciiTexts + Self.mixedTexts {
            let bytes = ArraySlice(Array(text.utf8))
            let expected = ResultResolver.unicodeWords(bytes).contains("respectively")
            #expect(ResultResolver.containsWord(bytes, "respectively") == expected, "\(text.debugDescription)")
            if expected { found += 1 }
        }
        #expect(found > 100)
        // A slice of a longer text, and words that only look alike.
        let text = Array("x respectively, and RESPECTİVELY or respectivelyé".utf8)
        #expect(ResultResolver.containsWord(text[2..<14], "respectively"))
        #expect(!ResultResolver.containsWord(text[3..<14], "respectively"))
        #expect(!ResultResolver.containsWord(text[20...], "respectively"))
    }

    /// Why a non-ASCII text without the word's letters in ASCII cannot hold it: no scalar but
    /// the Kelvin sign lower-cases to a lone ASCII letter (U+0130 gives `i` and a combining dot).
    @Test func onlyTheKelvinSignLowerCasesToALoneASCIILetter() {
        var lone: [UInt32] = []
        for v in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v), scalar.properties.changesWhenLowercased else { continue }
            let lower = Array(String(scalar).lowercased().unicodeScalars)
            for (i, s) in lower.enumerated() where s.isASCII && s.properties.isAlphabetic {
                let nextIsMark = i + 1 < lower.count && !lower[i + 1].isASCII
                if !nextIsMark { lone.append(v) }
            }
        }
        #expect(lone == [0x212A])
    }

    @Test func anyWordTestsAgreeWithTheUnicodeWords() {
        for text in Self.asciiTexts + Self.mixedTexts {
            let bytes = ArraySlice(Array(text.utf8))
            let words = ResultResolver.unicodeWords(bytes)
            #expect(ResultResolver.hasEvaluationVerb(bytes) == words.contains(where: ResultResolver.isEvaluationVerb), "\(text.debugDescription)")
            #expect(ResultResolver.hasTargetNoun(bytes) == words.contains(where: { ResultResolver.targetNouns.contains($0) }),
                    "\(text.debugDescription)")
        }
        #expect(ResultResolver.hasEvaluationVerb(ArraySlice(Array("it Achieves 5%".utf8))))
        #expect(!ResultResolver.hasEvaluationVerb(ArraySlice(Array("we introduce X".utf8))))
    }

    @Test func cuedOtherNameAgreesWithTheUnicodePath() {
        let names = ["MMLU", "GSM8K", "Bench x2", "Ab\u{301}c", "MMLU-Pro"]
        var decided = 0, named = 0
        for text in Self.asciiTexts + Self.mixedTexts {
            let bytes = ArraySlice(Array(text.utf8))
            let expected = ResultResolver.unicodeCuedOtherName(bytes, benchNames: names)
            if let fast = ResultResolver.asciiCuedOtherName(bytes, benchNames: names) {
                #expect(fast == expected, "\(text.debugDescription)")
                decided += 1
                if fast { named += 1 }
            }
            #expect(ResultResolver.cuedOtherName(bytes, benchNames: names) == expected)
        }
        #expect(decided > 1000 && named > 50)
        #expect(ResultResolver.cuedOtherName(ArraySlice(Array("results on the COCO set".utf8)), benchNames: names))
        #expect(!ResultResolver.cuedOtherName(ArraySlice(Array("results on the MMLU).".utf8)), benchNames: names))
        #expect(!ResultResolver.cuedOtherName(ArraySlice(Array("results in MML".utf8)), benchNames: names))
        // `b` and a combining accent are one Character: `Ab` does not start `Ab\u{301}c`.
        #expect(ResultResolver.cuedOtherName(ArraySlice(Array("results in Ab".utf8)), benchNames: ["Ab\u{301}c"]))
        #expect(!ResultResolver.cuedOtherName(ArraySlice(Array("results in Ab".utf8)), benchNames: ["Ab\u{301}c", "Abc"]))
    }

    @Test func abbreviationTestAgreesWithTheUnicodePath() {
        let words = Self.asciiTexts.map { String($0.prefix(7)) } + SentenceBounds.abbreviations.map { $0.uppercased() }
            + ["a", "Z", "7", "\r\n", "(", "Fig", "ETC", "e.g", "x\r\n"]
        for word in words + Self.mixedTexts.map({ String($0.prefix(5)) }) {
            let bytes = ArraySlice(Array(word.utf8))
            let expected = SentenceBounds.unicodeIsAbbreviation(bytes)
            if let fast = SentenceBounds.asciiIsAbbreviation(bytes) { #expect(fast == expected, "\(word.debugDescription)") }
            #expect(SentenceBounds.isAbbreviation(bytes) == expected, "\(word.debugDescription)")
        }
    }

    @Test func benchmarkKeysAgreeWithTheUnicodeKeys() {
        for text in Self.asciiTexts + Self.mixedTexts + ["C++", "MMLU-Pro", "A+B+", ""] {
            #expect(BenchmarkAliases.key(text) == BenchmarkAliases.unicodeKey(text), "\(text.debugDescription)")
        }
        #expect(BenchmarkAliases.key("HumanEval+ (v2)") == "humanevalplusv2")
    }

    @Test func titleHeadsAgreeWithTheUnicodePath() {
        for text in Self.asciiTexts + Self.mixedTexts {
            #expect(ResultResolver.titleHead(text) == ResultResolver.unicodeTitleHead(text), "\(text.debugDescription)")
        }
        #expect(ResultResolver.titleHead("Open  Captcha\tWorld: A Benchmark") == "Open Captcha World")
    }

    /// Clauses found per sentence, on demand, compare as the clauses of the whole text do.
    @Test func clausesPerSentenceMatchTheWholeText() {
        for text in Self.asciiTexts.prefix(400) + Self.mixedTexts.prefix(400) {
            let abstract = ResolverText(text)
            let all = abstract.sentences.flatMap { SentenceBounds.clauses(abstract.bytes, in: $0) }
            for offset in 0..<abstract.bytes.count {
                let s = abstract.sentence(offset)
                let local = abstract.clauses(ofSentence: s)
                let global = SentenceBounds.index(of: offset, in: all)
                #expect(local[abstract.clauseIndex(offset, inSentence: s)] == all[global])
                #expect(abstract.saysRespectively(s) == ResultResolver.unicodeWords(abstract.bytes[abstract.sentences[s]]).contains("respectively"))
            }
        }
    }
}

/// Templates split once fill as `LinkCanonicalizer.fill` does.
@Suite struct URLTemplateTests {
    @Test func splitTemplatesFillAsTheTextOnes() {
        let m = Finding(rule: "r", raw: "x", start: 0, end: 1, groups: [("owner", "me"), ("repo", "tool"), ("id", "2401.1")])
        for template in ["https://github.com/{owner}/{repo}", "{id}{vtag}", "plain", "", "a{", "a}b{owner", "{}{owner}}x{", "{{owner}}"] {
            #expect(URLTemplate(template).filled(from: m) == LinkCanonicalizer.fill(template, from: m), "\(template)")
        }
    }
}
