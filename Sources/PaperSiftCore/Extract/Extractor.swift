/// Stage 3: runs every text rule over an occurrence's abstract and records what it found.
///
/// Per field, overlapping hits are resolved by priority, then position, then length. Hits of the
/// other fields that fall inside a link are dropped (a `7B` inside a model URL is not a size).
/// Organisation names in text come from the alias table, compiled into one rule.
public final class Extractor {
    public static let textFields = Findings.fieldNames
    /// Per field, its rules with their index in `prefilters`.
    private let rulesByField: [(String, [(CompiledRule, Int)])]
    /// Every rule's prefilter literals, found in one pass over the current abstract.
    private let prefilters: PrefilterScanner
    /// The rules' word-start filters, answered in one pass over the current abstract.
    private let starts: StartCandidates
    /// When set, the time of every rule is recorded here (`sift-extract --profile-rules`).
    public var profile: RuleProfile?

    /// What extraction reads of the rules: the rules of the text fields and the organisation table.
    public static let ruleScope = RuleScope(fields: Set(textFields), tables: .orgs)

    /// Needs a rule set of at least `ruleScope`.
    public init(rules: RuleSet) throws(RuleError) {
        var byField: [(String, [(CompiledRule, Int)])] = []
        var all: [CompiledRule] = []
        for field in Extractor.textFields {
            var list = rules.rules(for: field)
            if field == "orgs", let aliasRule = try rules.aliasRule() { list.append(aliasRule) }
            byField.append((field, list.enumerated().map { ($1, all.count + $0) }))
            all += list
        }
        rulesByField = byField
        prefilters = PrefilterScanner(rules: all)
        starts = StartCandidates(filters: all.enumerated().compactMap { i, rule in rule.startFilter.map { (i, $0) } })
    }

    /// Prepares every rule for matching subjects of this kind, the last one `findings` meets
    /// first (a second thread doing so meets the matching thread in the middle; `FusedPipeline`).
    public func prepareMatchingLastFirst(asciiSubject: Bool) {
        for (_, rules) in rulesByField.reversed() {
            for (rule, _) in rules.reversed() { rule.prepareMatching(asciiSubject: asciiSubject) }
        }
    }

    /// Finds every rule hit in the occurrence's abstract.
    public func extract(_ occurrence: Occurrence) throws(PatternMatchError) -> ExtractedOccurrence {
        guard var abstract = occurrence.abstract, !abstract.isEmpty else {
            return ExtractedOccurrence(occurrence: occurrence, found: Findings())
        }
        let found = try abstract.withUTF8Bytes { text throws(PatternMatchError) in try findings(in: text) }
        return ExtractedOccurrence(occurrence: occurrence, found: found)
    }

    /// Every hit in `text`, by field.
    public func findings(in text: UnsafeBufferPointer<UInt8>) throws(PatternMatchError) -> Findings {
        let ascii = isASCII(text)
        var found = Findings()
        let scanStart = profile == nil ? 0 : RuleProfile.now()
        prefilters.scan(text)
        let startScan = profile == nil ? 0 : RuleProfile.now()
        starts.scan(text)
        profile?.recordScans(start: scanStart, middle: startScan, end: RuleProfile.now())
        for (field, rules) in rulesByField {
            var candidates: [(Finding, Int)] = []
            for (rule, i) in rules {
                let passes = prefilters.passes(i)
                if let profile { profile.count(rule, ran: passes) }
                guard passes else { continue }
                let literals = rule.window == nil ? nil : prefilters.occurrences(of: i)
                try starts.withCandidates(of: i) { starts throws(PatternMatchError) in
                    if let profile {
                        try profiled(rule, profile, text, ascii, starts, literals, into: &candidates)
                        return
                    }
                    for f in try rule.findings(in: text, asciiSubject: ascii, startCandidates: starts, literals: literals) {
                        candidates.append((f, rule.definition.priority))
                    }
                }
            }
            // Number context phrases describe numbers and may overlap (one gives the metric,
            // another the baseline); every other field keeps non-overlapping hits.
            found[field] = field == "number_context" ? Extractor.inTextOrder(candidates) : Extractor.resolveOverlaps(candidates)
        }
        let linkSpans = found.links.map { ($0.start, $0.end) }
        if !linkSpans.isEmpty {
            for field in Extractor.textFields where field != "links" {
                found[field] = found[field].filter { f in !linkSpans.contains { f.start < $0.1 && $0.0 < f.end } }
            }
        }
        return found
    }

    /// One rule over one text, timed into `profile`.
    private func profiled(_ rule: CompiledRule, _ profile: RuleProfile, _ text: UnsafeBufferPointer<UInt8>,
                          _ ascii: Bool, _ starts: UnsafeBufferPointer<Int>?, _ literals: [Int]?,
                          into candidates: inout [(Finding, Int)]) throws(PatternMatchError) {
        let start = RuleProfile.now()
        let found = try rule.findings(in: text, asciiSubject: ascii, startCandidates: starts, literals: literals)
        profile.record(rule, start: start, end: RuleProfile.now(), hits: found.count)
        for f in found { candidates.append((f, rule.definition.priority)) }
    }

    /// Every hit, in text order (start, then end, then rule id).
    static func inTextOrder(_ candidates: [(Finding, Int)]) -> [Finding] {
        candidates.map(\.0).sorted { a, b in
            a.start != b.start ? a.start < b.start : a.end != b.end ? a.end < b.end : a.rule < b.rule
        }
    }

    /// Keeps non-overlapping hits: higher priority first, then earlier, then longer; in text order.
    static func resolveOverlaps(_ candidates: [(Finding, Int)]) -> [Finding] {
        if candidates.count <= 1 { return candidates.map(\.0) }
        let ordered = candidates.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            if a.0.start != b.0.start { return a.0.start < b.0.start }
            if a.0.end - a.0.start != b.0.end - b.0.start { return a.0.end - a.0.start > b.0.end - b.0.start }
            return a.0.rule < b.0.rule
        }
        var kept: [Finding] = []
        for (f, _) in ordered where !kept.contains(where: { f.start < $0.end && $0.start < f.end }) {
            kept.append(f)
        }
        return kept.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
    }
}
