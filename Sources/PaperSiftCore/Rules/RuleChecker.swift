import Foundation

/// Runs every rule's own `match:` / `no-match:` examples (`sift-extract --check-rules`).
public enum RuleChecker {
    /// A text variant the examples are also run against, so byte offsets cannot drift.
    public enum Variant: String, CaseIterable, Sendable {
        case plain
        /// `é🚀 ` before the text: multibyte characters shift every byte offset.
        case multibytePrefix
        /// A CRLF line end after the text.
        case crlf
        /// The text in Unicode NFD.
        case nfd
    }

    /// One example that did not give what it promised.
    public struct Failure: CustomStringConvertible, Sendable {
        public let file: String
        public let line: Int
        public let ruleID: String
        public let variant: Variant
        public let message: String
        public var description: String { "\(file):\(line): rule \(ruleID) (\(variant.rawValue)): \(message)" }
    }

    /// Fields whose rules run over running text; the others are anchored classifiers.
    static let textFields = Set(Findings.fieldNames)

    /// Checks every rule under every variant that applies; returns the failures (empty when all pass).
    /// A rule with a `starts:` or `window:` hint must also find the same with the hint ignored.
    public static func check(_ rules: [CompiledRule]) -> (examples: Int, failures: [Failure]) {
        var count = 0
        var failures: [Failure] = []
        for rule in rules {
            let fullScan = rule.hasSearchHints ? try? CompiledRule(rule.definition, fullScan: true) : nil
            let variants: [Variant] = textFields.contains(rule.field) ? Variant.allCases : [.plain]
            for variant in variants {
                for (ex, expectMatch) in rule.definition.matchExamples.map({ ($0, true) }) + rule.definition.noMatchExamples.map({ ($0, false) }) {
                    count += 1
                    if let f = checkExample(rule, ex, expectMatch: expectMatch, variant: variant) { failures.append(f) }
                    if let fullScan, let f = checkHint(rule, fullScan, ex, variant: variant) { failures.append(f) }
                }
            }
        }
        return (count, failures)
    }

    /// Whether the rule finds the same in the example with and without its search hint.
    static func checkHint(_ rule: CompiledRule, _ fullScan: CompiledRule, _ ex: RuleExample, variant: Variant) -> Failure? {
        let text = exampleText(ex, variant: variant).text
        var copy = text
        let (hinted, full) = copy.withUTF8Bytes { buf in
            ((try? rule.findings(in: buf)) ?? [], (try? fullScan.findings(in: buf)) ?? [])
        }
        guard hinted != full else { return nil }
        let show = { (f: [Finding]) in f.map { "'\($0.raw)'@\($0.start)" }.joined(separator: ", ") }
        return Failure(file: rule.definition.file, line: ex.line, ruleID: rule.id, variant: variant,
                       message: "the starts:/window: hint changes the findings: [\(show(hinted))] with it, [\(show(full))] without")
    }

    /// The example's text under `variant` and the spans marked in it.
    static func exampleText(_ ex: RuleExample, variant: Variant) -> (text: String, marked: [(Int, Int, String)]) {
        var parts = pieces(ex.text)
        switch variant {
        case .plain: break
        case .multibytePrefix: parts.insert(("é🚀 ", false), at: 0)
        case .crlf: parts.append(("\r\n", false))
        case .nfd: parts = parts.map { ($0.0.decomposedStringWithCanonicalMapping, $0.1) }
        }
        var text = ""
        var marked: [(Int, Int, String)] = []
        for (piece, isMarked) in parts {
            let start = text.utf8.count
            text += piece
            if isMarked { marked.append((start, text.utf8.count, piece)) }
        }
        return (text, marked)
    }

    /// Splits an example at its `[[`…`]]` marks: the plain pieces, marked pieces alternating.
    static func pieces(_ text: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            out.append((String(rest[..<open.lowerBound]), false))
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "]]") else { out.append((String(rest), true)); return out }
            out.append((String(rest[..<close.lowerBound]), true))
            rest = rest[close.upperBound...]
        }
        out.append((String(rest), false))
        return out
    }

    static func checkExample(_ rule: CompiledRule, _ ex: RuleExample, expectMatch: Bool, variant: Variant) -> Failure? {
        let (text, expected) = exampleText(ex, variant: variant)
        func fail(_ message: String) -> Failure {
            Failure(file: rule.definition.file, line: ex.line, ruleID: rule.id, variant: variant, message: message)
        }
        let found: [Finding]
        do {
            var copy = text
            found = try copy.withUTF8Bytes { buf throws(PatternMatchError) in try rule.findings(in: buf) }
        } catch {
            return fail(error.description)
        }
        if !expectMatch {
            return found.isEmpty ? nil : fail("expected no match, found \(found.map { "'\($0.raw)'" }.joined(separator: ", "))")
        }
        if expected.isEmpty {
            return found.isEmpty ? fail("expected a match, found none") : nil
        }
        let got = found.map { ($0.start, $0.end, $0.raw) }
        let same = got.count == expected.count && zip(got, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }
        if same { return nil }
        let want = expected.map { "'\($0.2)'@\($0.0)" }.joined(separator: ", ")
        let have = got.map { "'\($0.2)'@\($0.0)" }.joined(separator: ", ")
        return fail("expected [\(want)], found [\(have)]")
    }
}
