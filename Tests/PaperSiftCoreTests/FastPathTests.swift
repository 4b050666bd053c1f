import Foundation
import Testing
@testable import PaperSiftCore

/// The fast paths (ASCII-only pattern compilation, byte-level cleaning) must give exactly what the
/// general paths give.
@Suite struct FastPathTests {
    /// Every span and group of every match, for comparison.
    static func matches(_ p: PCRE2Pattern, _ text: String, ascii: Bool) throws -> [[ByteSpan?]] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf in try p.allMatches(in: buf, asciiSubject: ascii).map(\.groups) }
    }

    /// ASCII texts the rules run on: every example and every paragraph of the seed pages.
    static func asciiTexts(_ rules: RuleSet) throws -> [String] {
        var texts: [String] = []
        for rule in rules.rules {
            for ex in rule.definition.matchExamples + rule.definition.noMatchExamples {
                texts.append(ex.text.replacingOccurrences(of: "[[", with: "").replacingOccurrences(of: "]]", with: ""))
            }
        }
        for path in Fixtures.corpus {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            texts += text.components(separatedBy: "\n\n")
        }
        return texts.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    @Test func asciiCompilationMatchesTheUnicodeOneOnASCIIText() throws {
        let rules = Fixtures.rules
        let texts = try Self.asciiTexts(rules)
        #expect(texts.count > 300)
        var compared = 0
        for rule in rules.rules {
            for text in texts {
                let general = try Self.matches(rule.pattern, text, ascii: false)
                let fast = try Self.matches(rule.pattern, text, ascii: true)
                #expect(general.count == fast.count && zip(general, fast).allSatisfy { $0 == $1 },
                        "rule \(rule.id) on: \(text.prefix(80))")
                compared += general.count
            }
        }
        #expect(compared > 100)
    }

    @Test func nonASCIITextUsesTheUnicodeCompilation() throws {
        // Under UCP `é` is a word character, so the look-behind rejects "12%"; without UCP it would not.
        let p = try PCRE2Pattern("(?<!\\w)\\d+%")
        let text = "café12% and 7%"
        #expect(try p.allMatches(in: text).count == 1)
        #expect(try Self.matches(p, text, ascii: true).count == 2)
        #expect(try p.allMatches(in: "cafe 12% and 7%").count == 2)
    }

    @Test func isASCIIChecksEveryByte() {
        for length in 0..<40 {
            var bytes = [UInt8](repeating: 0x61, count: length)
            #expect(bytes.withUnsafeBufferPointer { isASCII($0) })
            for i in 0..<length {
                bytes[i] = 0xC3
                #expect(!bytes.withUnsafeBufferPointer { isASCII($0) })
                bytes[i] = 0x61
            }
        }
    }

    @Test func cleaningCollapsesWhitespaceDropsControlsAndComposes() {
        #expect(TextNormalizer.clean("  a \t b\r\n c  ") == "a b c")
        #expect(TextNormalizer.clean("a\u{0}b\u{7F}c\u{1}") == "abc")
        #expect(TextNormalizer.clean("x\u{00A0}\u{2009} y") == "x y")
        #expect(TextNormalizer.clean("Cafe\u{0301} 3× faster") == "Café 3× faster")
        #expect(TextNormalizer.clean("Caf\u{00E9} 3\u{00D7}") == "Café 3×")
        #expect(TextNormalizer.clean("\u{1100}\u{1161}") == "\u{AC00}")
        #expect(TextNormalizer.collapseWhitespace("  keep\u{0301}  marks ") == "keep\u{0301} marks")
    }

    /// Punctuation that skips NFC (U+2010–U+2027, U+2030–U+205E) does not hide what NFC must change.
    @Test func inertPunctuationKeepsNFCWhereNeeded() {
        let punctuation = (0x2010...0x205E).compactMap(Unicode.Scalar.init).map { String(Character($0)) }
        for p in punctuation + ["\u{2028}", "\u{2260}", "\u{2126}"] {
            for text in ["a \(p) b", "Cafe\u{0301} \(p)", "\(p)e\u{0301}", "\(p)\u{0338}", "x\(p)\u{1161}"] {
                #expect(TextNormalizer.clean(text) == TextNormalizer.collapseWhitespace(text).precomposedStringWithCanonicalMapping,
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func cleanerJoinsParagraphLinesAndRepairsInvalidUTF8() throws {
        var bytes = Array("Title line\none\n  two  \n\nnext \u{00A0}para\nbad ".utf8)
        bytes += [0xFF, 0x41]
        let path = Fixtures.temporaryFile(bytes: bytes)
        let (context, collected) = Fixtures.context()
        var records: [CleanRecord] = []
        try Cleaner(rules: Fixtures.rules).clean(path: path, context: context) { records.append($0) }
        #expect(records.map(\.text) == ["Title line one two", "next para bad \u{FFFD}A"])
        #expect(records.map(\.line) == [1, 5])
        #expect(collected.lines.count == 1 && collected.lines[0].contains(":6: warning: invalid UTF-8"))
    }

    /// Printable-ASCII strings meant to hit the edge cases of the normalisers.
    static let trickyASCII = [
        "", ".", "((https://x.y/a)).", "<https://A.B/>", "https://x.y/.git", "https://x.y/repo.git/", "https://x.y.",
        "foo", "a.b?x", "https://h.io#frag", "))", "http://example.org/a_(b)", "https://e.org/a_(b))", "[x.y/z]]",
        "{a.b/c}}", "'\"github.com/O/R\"'", "hf.co/x?y=1", "x.y//", "https://x.y///", "://", "a://b", "WWW.X.ORG/A/",
        "https://x.y/#", "https://x.y?q", "Sep 10, 2019", "sep. 9", "September 31 2020", "Feb 10", "Apr 9,", "2024-07-31T12:00:00Z",
        "  Jan  02 ,  1999 ", "Mon, 2 Apr 2007 19:18:42 GMT", "2 Apr 2007", "Tue 31 Dec", "Sunday, Jan 5", "Dec 32", "Mar +5, +123", "Ma 5", "Jun 5, 20245", "2024-7-31", "nonsense", "1 2 3",
        "From Imitation to Refinement -- Residual RL", "GPT-4o: 3x_faster!", "  --  ", "a1b2 C3", "\\LaTeX{} $x$",
    ]

    /// Texts of the seed pages, one per paragraph, and every link the link rule finds in them.
    static func seedTextsAndLinks() throws -> (texts: [String], links: [String]) {
        let rules = Fixtures.rules
        var texts: [String] = [], links: [String] = []
        for path in Fixtures.corpus {
            for paragraph in try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n\n") {
                texts.append(paragraph)
                for rule in rules.rules(for: "links") {
                    var copy = paragraph
                    links += try copy.withUTF8 { try rule.findings(in: $0) }.map(\.raw)
                }
            }
        }
        return (texts, links)
    }

    static func printable(_ s: String) -> Bool { s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }

    @Test func asciiNormalisersAgreeWithTheGeneralOnes() throws {
        let (texts, links) = try Self.seedTextsAndLinks()
        #expect(links.count > 20)
        let inputs = (Self.trickyASCII + texts + links + texts.map { String($0.prefix(12)) }).filter(Self.printable)
        for s in inputs {
            #expect(DateNormalizer.iso(s) == DateNormalizer.unicodeISO(s), "\(s)")
            #expect(LinkCanonicalizer.canonicalURL(s) == LinkCanonicalizer.unicodeCanonicalURL(s), "\(s)")
        }
        for s in inputs + Self.trickyASCII.map { " \t" + $0 + "\r\n x  y\u{B}z " } + ["", " ", "a\r\nb", "\u{7F} a", "a\u{1C}b \u{1F}", "\u{0} x"] {
            #expect(BenchmarkNames.key(s) == BenchmarkNames.unicodeKey(s), "\(s)")
            #expect(asciiSingleSpaced(s) == s.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(s)")
        }
    }

    @Test func organisationNamesAreFoundAtTheSamePlacesWithTheStartFilter() throws {
        let rules = Fixtures.rules
        let rule = try #require(try rules.aliasRule())
        let names = rules.orgs.textNames.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        // Every name alone, in a sentence, glued to a word, and with its spaces widened.
        var texts = try Self.asciiTexts(rules)
        for name in names {
            let wide = name.replacingOccurrences(of: " ", with: " \t\n ")
            texts += [name, "By \(name), and (\(wide)).", "x\(name) \(name)x \(name)-based \(name)- led", "\(name)'s"]
        }
        var found = 0
        for text in texts {
            let general = try Self.matches(rule.pattern, text, ascii: false)
            let filtered = try Self.matches(rule.pattern, text, ascii: true)
            #expect(general.count == filtered.count && zip(general, filtered).allSatisfy { $0 == $1 }, "\(text.prefix(80))")
            found += general.count
        }
        #expect(found > names.count * 3)
    }

    @Test func jsonStringsRoundTripWhateverTheEscapesAndTheirPositions() throws {
        // Every length up to 40 with a special character at every position, so the eight-byte
        // scans meet escapes at every offset.
        let specials: [Character] = ["\"", "\\", "\n", "\t", "\u{1}", "é", "€", "😀", "/", "\u{7F}"]
        for length in 0..<40 {
            for special in specials {
                for at in 0..<max(length, 1) {
                    var chars = Array(repeating: Character("a"), count: length)
                    if length > 0 { chars[at] = special }
                    if length > 2 { chars[length - 1] = special }
                    let text = String(chars)
                    var w = JSONWriter()
                    w.string(text)
                    #expect(try JSONParser.parse(w.bytes) == .string(text))
                }
            }
        }
        #expect(try JSONParser.parse(#""caf\u00e9 \ud83d\ude00 \/ \b\f\r x\u0041""#) == .string("café 😀 / \u{8}\u{C}\r xA"))
        #expect(try JSONParser.parse(#""lone \ud83d high""#) == .string("lone \u{FFFD} high"))
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#""bad \x escape""#) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("\"unterminated \\") }
        #expect(throws: JSONParseError.self) { try JSONParser.parse("\"tab\there\"") }
    }

    /// The byte-at-a-time whitespace collapse the eight-byte version must equal.
    static func referenceCollapse(_ s: String) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for b in s.utf8 {
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { pendingSpace = !out.isEmpty; continue }
            if b < 0x20 || b == 0x7F { continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func eightByteWhitespaceCollapseEqualsTheByteLoop() {
        let pieces = ["a", "bc", "defgh", " ", "  ", "\t", "\n", "\r\n", "\u{1}", "\u{7F}", "é", "12345678", " x "]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // xorshift: the same texts on every run
        func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<next(15) { text += pieces[next(pieces.count)] }
            #expect(TextNormalizer.collapseWhitespace(text) == Self.referenceCollapse(text), "\(Array(text.utf8))")
        }
    }

    /// `RawLine` reads eight bytes at a time; the same as looking at each byte.
    @Test func rawLineCountsLikeTheByteLoop() {
        let pieces: [[UInt8]] = [[0x61], [0x62, 0x63], Array("defghijk".utf8), [0x20], [0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20],
                                 [0x09], [0x0B], [0x0C], [0x0D], [0x01], [0x7F], [0x00], [0xC3, 0xA9], [0xFF], [0xE2, 0x80, 0xA2]]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D  // xorshift: the same lines on every run
        func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(24) { bytes += pieces[next(pieces.count)] }
            let line = bytes.withUnsafeBufferPointer { RawLine($0) }
            let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C]
            let controls = bytes.filter { !whitespace.contains($0) && ($0 < 0x20 || $0 == 0x7F) }.count
            #expect(line.isBlank == bytes.allSatisfy(whitespace.contains), "\(bytes)")
            #expect(line.controlBytes == controls, "\(bytes)")
            #expect(line.hasPrintableASCII == bytes.contains { $0 > 0x20 && $0 < 0x7F }, "\(bytes)")
        }
    }
}
