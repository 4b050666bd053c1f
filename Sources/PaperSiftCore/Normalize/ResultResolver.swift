/// What each number of one abstract measures: `metric`, `benchmark` (+ `benchmark_id`),
/// `baseline` and `kind` (`score`, `change`, `other`).
///
/// The phrases come from the `number_context` rules (data: a number gets the groups of the
/// context findings that cover it, highest `priority` first, then in text order; their `kind`
/// and `benchmark-scope` attributes too). This resolver only adds structure, and knows no
/// benchmark, metric or model name:
///
/// - a benchmark mention that ends the name a title gives before its colon, with the rest of that
///   name written right before it in the abstract, is that whole name (`Open CaptchaWorld: …`);
/// - **benchmark**: a covering rule's benchmark, unless the benchmark rules do not find it and it
///   does not look like a name (ends in a lower-case word, or joins two with `and`); else (and the rules' `benchmark-scope` is not
///   `none`), from the abstract's benchmark mentions (`benchmarks` rules), in this order:
///   1. a `respectively` sentence: its benchmarks before its first number, paired in order with its numbers;
///   2. `X (A%)`, `X: A%`: the benchmark right before the parenthesis the number is in, or before a colon;
///   3. `A% … on/across/in X`: the first benchmark after the number in its sentence, within 90 bytes,
///      not out of a parenthesis the number is in, nor the first of a list (`on benchmarks such as X, …`);
///   4. `On X, … A%`: the nearest benchmark before it, after `on`/`across`/`in`/`using`/`for`/`with`,
///      not inside a list, with no other number between and none just before it;
///   5. the only benchmark of its sentence, when it is no item of a list (`on both X and Y.`) nor the
///      subject of its clause (`Additionally, X improves speed 7x`), and it is in the number's clause
///      (`SentenceBounds.clauses`: cut at `;`, `while`, `whereas`, `, but`, `respectively,`, `, and`
///      + a new subject) or in an earlier one while the number's clause names no target of its own
///      (`…, but also excels in robot tasks with +50%`) and the sentence has no `respectively` list;
///   6. none in its sentence: the only benchmark of the nearest earlier sentence that names any, for
///      a number with a metric or a kind from a rule or from its form (not a bare figure, nor a
///      multiplier), in a clause with a verb that reports a result (`achieves`, `improves`, …), in
///      a sentence that names no other target (`across five benchmarks`, `in COLOSSEUM`).
///   Steps 5 and 6 are skipped for numbers of kind `other`, for `benchmark-scope: linked`, and for a
///   number followed by `on`/`in`/`across` and a name that is no benchmark (or a list of them).
///   Step 1 overrides a rule's benchmark; the others apply only when no rule names one. A rule's
///   benchmark that is an item of a list in the sentence (`on both X and Y`) is dropped; steps 3
///   and 4 skip such items too.
/// - **baseline**: from the rules; a number joined by `and` to the next one (`a 3.2% gain and a
///   2.96x speed-up over X`) shares its baseline.
/// - **metric**: from the rules; a metric that is one of the sentence's benchmarks is its benchmark
///   instead; a number without one takes the metric of the previous number of its sentence when
///   unit and kind agree and it has no other baseline (`from 80.3% (first) to 82.1%`).
/// - **kind**: a covering rule's `kind`; else a `from`/`to` pair is a `score`, a multiplier or a
///   `+` sign a `change`; else `score` when a metric or benchmark is known, `other` otherwise.
public struct ResultResolver {
    private let attributes: [String: [String: String]]
    private let priorities: [String: Int]
    private let aliases: BenchmarkAliases

    public init(rules: RuleSet) {
        var attrs: [String: [String: String]] = [:], prio: [String: Int] = [:]
        for rule in rules.definitions(for: "number_context") {
            attrs[rule.id] = rule.attributes
            prio[rule.id] = rule.priority
        }
        attributes = attrs; priorities = prio; aliases = rules.benchmarkAliases
    }

    /// One number finding and the mentions it gave (several for `36/37/38%` or `from A to B`).
    public typealias Number = (finding: Finding, mentions: [NumberMention])

    private struct Bench { let name: String; let start: Int; let end: Int; let id: String; let key: String }

    private struct Described {
        var metric: String?, benchmark: String?, baseline: String?, kind: String?
        var ruleKind: String?, scope: String?
    }

    static let linkAfter: Set<String> = ["on", "across", "in"]
    static let linkBefore: Set<String> = ["on", "across", "in", "using", "for", "with"]
    /// Words between a cue and a name that make the name the first of a list (`on benchmarks such as X, …`).
    static let listWords: Set<String> = ["benchmarks", "datasets", "tasks", "suites", "environments", "such", "including", "like"]

    /// The mentions of `numbers` (in text order) with their context fields, always in the order
    /// `metric`, `benchmark`, `benchmark_id`, `baseline`, `kind` (nil when unknown).
    public func describe(_ numbers: [Number], abstract: String?, title: String? = nil, context: [Finding],
                         benchmarks: [Finding]) -> [NumberMention] {
        // Most abstracts report no number: nothing to split into sentences and clauses.
        guard !numbers.isEmpty else { return [] }
        let abstractText = ResolverText(abstract)
        let text = abstractText.bytes
        let sentences = abstractText.sentences
        func sentence(_ offset: Int) -> Int { abstractText.sentence(offset) }
        let priority = context.map { priorities[$0.rule] ?? 0 }
        let ordered = context.indices.sorted { a, b in
            priority[a] != priority[b] ? priority[a] > priority[b] : a < b
        }.map { context[$0] }
        let head = benchmarks.isEmpty ? nil : ResultResolver.titleHead(title)
        let benches = benchmarks.map { f in
            var name = f.group("name") ?? f.raw
            var start = f.start
            // The paper's own artifact, named in full by the title (`Open X: A Benchmark …`), when
            // the mention is the end of that name and the abstract writes the rest right before it.
            if let head, head.utf8.count > name.utf8.count, head.hasSuffix(" " + name) {
                let rest = Array(head.utf8.dropLast(name.utf8.count))
                if start >= rest.count, text[(start - rest.count)..<start].elementsEqual(rest) {
                    name = head; start -= rest.count
                }
            }
            let key = BenchmarkAliases.key(name)
            return Bench(name: name, start: start, end: f.end, id: aliases.id(key: key), key: key)
        }.filter { !$0.id.isEmpty }.sorted { $0.start < $1.start }
        let benchSentence = benches.map { sentence($0.start) }

        var described: [Described] = numbers.map { n in
            var d = Described()
            let f = n.finding
            for c in ordered where c.start <= f.start && f.end <= c.end {
                let attrs = attributes[c.rule] ?? [:]
                if d.metric == nil { d.metric = ResultResolver.single(c.group("metric")) }
                if d.benchmark == nil { d.benchmark = ResultResolver.single(c.group("benchmark")) }
                if d.baseline == nil { d.baseline = ResultResolver.single(c.group("baseline")) }
                if d.ruleKind == nil { d.ruleKind = attrs["kind"] }
                if d.scope == nil { d.scope = attrs["benchmark-scope"] }
            }
            return d
        }

        // A rule's benchmark that the benchmark rules do not find must at least look like a name:
        // not end in a lower-case word nor join two names (`STEM tasks and`, `A and B`).
        let benchKeys = Set(benches.map(\.key) + benches.map(\.id))
        for k in described.indices {
            guard let b = described[k].benchmark else { continue }
            let key = BenchmarkAliases.key(b)
            guard !benchKeys.contains(key), !benchKeys.contains(aliases.id(key: key)) else { continue }
            let words = b.split(separator: " ")
            if let last = words.last, last.allSatisfy({ $0.isLowercase }) || words.contains("and") || words.contains("or") {
                described[k].benchmark = nil
            }
        }

        // A rule's benchmark that is an item of a list in the number's sentence (`on both X and Y`,
        // `on X and Y`) names no one benchmark.
        for (k, n) in numbers.enumerated() {
            guard let b = described[k].benchmark else { continue }
            let s = sentence(n.finding.start), key = BenchmarkAliases.key(b)
            let here = benches.indices.filter { benchSentence[$0] == s }
            guard let at = here.firstIndex(where: { benches[$0].key == key }) else { continue }
            let mention = benches[here[at]]
            let listed = (at > 0 && mention.start - benches[here[at - 1]].end <= 8)
                || (at + 1 < here.count && benches[here[at + 1]].start - mention.end <= 8
                    && (at + 2 < here.count || ResultResolver.endsPhrase(text, benches[here[at + 1]].end)))
            if listed || continuesList(mention, text) { described[k].benchmark = nil }
        }

        // Metric phrases that are a benchmark of the sentence name the benchmark.
        for (k, n) in numbers.enumerated() {
            guard let m = described[k].metric else { continue }
            let s = sentence(n.finding.start)
            let key = BenchmarkAliases.key(m), id = aliases.id(key: key)
            if let b = benches.indices.first(where: { benchSentence[$0] == s && (benches[$0].id == id || benches[$0].key == key) }) {
                if described[k].benchmark == nil { described[k].benchmark = benches[b].name }
                described[k].metric = nil
            }
        }

        // Baselines shared by `A and B over X`.
        if numbers.count > 1 {
            for k in stride(from: numbers.count - 2, through: 0, by: -1) where described[k].baseline == nil {
                guard let next = described[k + 1].baseline else { continue }
                let a = numbers[k].finding, b = numbers[k + 1].finding
                guard sentence(a.start) == sentence(b.start), a.end <= b.start, b.start - a.end <= 40 else { continue }
                let words = ResultResolver.words(text[a.end..<b.start])
                let gap = String(decoding: text[a.end..<b.start], as: UTF8.self)
                guard words.contains("and"), !gap.contains(","), !gap.contains(";"),
                      !words.contains(where: { ["over", "than", "compared", "versus", "vs"].contains($0) }) else { continue }
                described[k].baseline = next
            }
        }

        // Kinds written (before defaults) and metrics inherited within a sentence.
        for (k, n) in numbers.enumerated() {
            let f = n.finding
            var kind = described[k].ruleKind
            if kind == nil {
                if f.group("from") != nil && f.group("to") != nil { kind = "score" }
                else if n.mentions.first?.unit == "x" { kind = "change" }
                else if f.group("sign") == "+" { kind = "change" }
            }
            described[k].kind = kind
            if described[k].metric == nil, k > 0 {
                let p = numbers[k - 1]
                let before = described[k - 1].kind
                if sentence(p.finding.start) == sentence(f.start), p.mentions.first?.unit == n.mentions.first?.unit,
                   let m = described[k - 1].metric, kind == nil || before == nil || kind == before,
                   described[k].baseline == nil || described[k].baseline == described[k - 1].baseline {
                    described[k].metric = m
                }
            }
        }

        // Benchmarks.
        for (k, n) in numbers.enumerated() {
            let f = n.finding
            let s = sentence(f.start)
            let inSentence = benches.indices.filter { benchSentence[$0] == s }
            // A `respectively` list overrides a rule's benchmark (`On A, B and C, … x, y and z, respectively`).
            switch respectively(benches, k, numbers, s, inSentence, abstractText) {
            case .paired(let b): described[k].benchmark = benches[b].name; continue
            case .ambiguous: described[k].benchmark = nil; continue
            case .none: break
            }
            guard described[k].benchmark == nil, described[k].scope != "none" else { continue }
            let linkedOnly = described[k].scope == "linked" || described[k].ruleKind == "other"
            if let b = parenthesised(benches, f, inSentence, text) { described[k].benchmark = benches[b].name; continue }
            if let b = following(benches, k, numbers, inSentence, text, sentence) { described[k].benchmark = benches[b].name; continue }
            if let b = preceding(benches, k, numbers, inSentence, text, sentence) { described[k].benchmark = benches[b].name; continue }
            if linkedOnly || linkedElsewhere(benches, k, numbers, inSentence, text) { continue }
            let ids = Set(inSentence.map { benches[$0].id })
            if ids.count == 1 {
                // The sentence's only benchmark, when it is no item of a list with names the rules
                // do not find and not the subject of its clause (`Additionally, X improves speed
                // 7x`), and it is in the number's clause, or in an earlier clause while the
                // number's clause names no target of its own (`…, while B reaches 56%` but not
                // `…, but also excels in robot tasks with +50%`) and no `respectively` list is cut short.
                // Both are in sentence `s`: its clauses compare as those of the whole text do.
                let clauses = abstractText.clauses(ofSentence: s)
                let c = abstractText.clauseIndex(f.start, inSentence: s)
                let b = inSentence[0]
                let bc = abstractText.clauseIndex(benches[b].start, inSentence: s)
                guard !continuesList(benches[b], text), benches[b].start >= f.end || !isSubject(benches[b], clauses[bc], text) else { continue }
                if bc == c || (bc < c && !namesOtherTarget(text, clauses[c], benches)
                               && !abstractText.saysRespectively(s)) {
                    described[k].benchmark = benches[b].name
                }
                continue
            }
            // An earlier sentence's benchmark only for a number that says what it measures (a
            // metric, or a kind from a rule or from its form), not for a bare figure, in a clause
            // that reports a result (an evaluation verb) in a sentence that names no other target;
            // never for a multiplier.
            // A multiplier (`2.5x faster`, `3 times less data`) is a speed or size, not a result
            // carried from another sentence.
            guard ids.isEmpty, described[k].metric != nil || described[k].kind != nil, n.mentions.first?.unit != "x" else { continue }
            let own = abstractText.clauses(ofSentence: s)[abstractText.clauseIndex(f.start, inSentence: s)]
            guard ResultResolver.hasEvaluationVerb(text[own]),
                  !namesOtherTarget(text, sentences[s], benches) else { continue }
            var earlier = s - 1
            while earlier >= 0 {
                let there = benches.indices.filter { benchSentence[$0] == earlier }
                if !there.isEmpty {
                    if Set(there.map { benches[$0].id }).count == 1 { described[k].benchmark = benches[there[0]].name }
                    break
                }
                earlier -= 1
            }
        }

        // Default kinds.
        for k in described.indices where described[k].kind == nil {
            described[k].kind = described[k].metric != nil || described[k].benchmark != nil ? "score" : "other"
        }

        var out: [NumberMention] = []
        for (k, n) in numbers.enumerated() {
            let d = described[k]
            let id = d.benchmark.map { aliases.id($0) }
            for var m in n.mentions {
                m.context += [("metric", d.metric), ("benchmark", d.benchmark), ("benchmark_id", id),
                              ("baseline", d.baseline), ("kind", d.kind)]
                out.append(m)
            }
        }
        return out
    }

    // MARK: - Structural cues

    private enum Pairing { case paired(Int), ambiguous, none }

    /// Step 1: `On X, Y and Z it reaches A%, B% and C%, respectively`. A `respectively` list of
    /// several numbers whose benchmarks cannot be paired (one is not found) is ambiguous: none.
    private func respectively(_ benches: [Bench], _ k: Int, _ numbers: [Number], _ s: Int, _ inSentence: [Int],
                              _ abstractText: ResolverText) -> Pairing {
        guard abstractText.saysRespectively(s) else { return .none }
        let range = abstractText.sentences[s]
        // The numbers of the list are those before the word (a number after it is another statement).
        let word = ResultResolver.find(Array("respectively".utf8), in: abstractText.bytes, range: range) ?? range.upperBound
        let here = numbers.indices.filter { abstractText.sentence(numbers[$0].finding.start) == s && numbers[$0].finding.start < word }
        guard let first = here.first, let position = here.firstIndex(of: k), here.count >= 2 else { return .none }
        var seen = Set<String>()
        var listed: [Int] = []
        var after: [Int] = []
        for b in inSentence where seen.insert(benches[b].id).inserted {
            if benches[b].start < numbers[first].finding.start { listed.append(b) } else { after.append(b) }
        }
        // The benchmarks come before the numbers (`On A and B, … x and y, respectively`) or after
        // them (`x and y on A and B, respectively`).
        if listed.count == here.count { return .paired(listed[position]) }
        if listed.count < 2, after.count == here.count { return .paired(after[position]) }
        // A list of benchmarks that does not match the numbers: no pairing can be trusted.
        if listed.count >= 2 || (listed.count < 2 && !after.isEmpty) { return .ambiguous }
        return .none
    }

    /// Step 2: `X (A%)` or `X: A%`.
    private func parenthesised(_ benches: [Bench], _ f: Finding, _ inSentence: [Int], _ text: [UInt8]) -> Int? {
        guard let b = inSentence.last(where: { benches[$0].end <= f.start }) else { return nil }
        let gap = text[benches[b].end..<f.start]
        guard gap.count <= 40 else { return nil }
        var i = gap.startIndex
        while i < gap.endIndex, gap[i] == 0x20 { i += 1 }
        if i < gap.endIndex, gap[i] == UInt8(ascii: ":"), gap.count <= 4 { return b }
        guard i < gap.endIndex, gap[i] == UInt8(ascii: "(") else { return nil }
        return gap[(i + 1)...].contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) ? nil : b
    }

    /// Step 3: `A% … on X`.
    private func following(_ benches: [Bench], _ k: Int, _ numbers: [Number], _ inSentence: [Int], _ text: [UInt8], _ sentence: (Int) -> Int) -> Int? {
        let f = numbers[k].finding
        guard let position = inSentence.firstIndex(where: { benches[$0].start >= f.end }) else { return nil }
        let b = inSentence[position]
        // `on X and Y`: the number belongs to no one benchmark.
        if position + 1 < inSentence.count, benches[inSentence[position + 1]].start - benches[b].end <= 8 { return nil }
        if continuesList(benches[b], text) { return nil }
        let gap = text[f.end..<benches[b].start]
        guard gap.count <= 90, !gap.contains(UInt8(ascii: ";")) else { return nil }
        // Not out of the parenthesis the number is in (`(58% success), safety (100% on X)`).
        var depth = 0
        for c in gap {
            if c == UInt8(ascii: "(") { depth += 1 } else if c == UInt8(ascii: ")") { depth -= 1; if depth < 0 { return nil } }
        }
        let words = ResultResolver.words(gap)
        guard let cue = words.indices.last(where: { ResultResolver.linkAfter.contains(words[$0]) }),
              words.count - cue <= 3, words[(cue + 1)...].allSatisfy({ ResultResolver.isPlainWord($0) }),
              !words[(cue + 1)...].contains(where: { ResultResolver.listWords.contains($0) }) else { return nil }
        // A number in between must not have a cue of its own before it (`A% on P and B% on X`).
        if let between = numbers.indices.first(where: { $0 > k && numbers[$0].finding.start < benches[b].start }) {
            let own = ResultResolver.words(text[f.end..<numbers[between].finding.start])
            if own.contains(where: { ResultResolver.linkAfter.contains($0) }) { return nil }
        }
        _ = sentence
        return b
    }

    /// Step 4: `On X, … A%`.
    private func preceding(_ benches: [Bench], _ k: Int, _ numbers: [Number], _ inSentence: [Int], _ text: [UInt8], _ sentence: (Int) -> Int) -> Int? {
        let f = numbers[k].finding
        guard let position = inSentence.lastIndex(where: { benches[$0].end <= f.start }) else { return nil }
        let b = inSentence[position]
        guard f.start - benches[b].end <= 120, !text[benches[b].end..<f.start].contains(UInt8(ascii: ";")) else { return nil }
        if numbers.contains(where: { $0.finding.start >= benches[b].end && $0.finding.end <= f.start }) { return nil }
        // Nor the benchmark an earlier number is reported on (`4.5x in A and 2.5x in B`).
        if numbers.contains(where: { $0.finding.end <= benches[b].start && benches[b].start - $0.finding.end <= 30 }) { return nil }
        // Not an item of a list of benchmarks (`on A, B and X`).
        if position > 0, benches[b].start - benches[inSentence[position - 1]].end <= 8 { return nil }
        if position + 1 < inSentence.count, benches[inSentence[position + 1]].start - benches[b].end <= 8 { return nil }
        if continuesList(benches[b], text) { return nil }
        let lead = text[max(0, benches[b].start - 40)..<benches[b].start]
        let words = ResultResolver.words(lead)
        guard let cue = words.indices.last(where: { ResultResolver.linkBefore.contains(words[$0]) }),
              words.count - cue <= 3, words[(cue + 1)...].allSatisfy({ ResultResolver.isPlainWord($0) }) else { return nil }
        _ = sentence
        return b
    }

    /// Whether the number is linked to something that is not one benchmark: `on`/`in`/`across`
    /// right after it (within 40 bytes, no comma between) and then a capitalised word or a digit
    /// where no benchmark is found (`5.32x in AFHQ, 2.51x in Img64cond`), or a list of benchmarks.
    private func linkedElsewhere(_ benches: [Bench], _ k: Int, _ numbers: [Number], _ inSentence: [Int], _ text: [UInt8]) -> Bool {
        let f = numbers[k].finding
        var i = f.end
        let limit = min(text.count, f.end + 40)
        while i < limit {
            let c = text[i]
            if c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ".") || c == UInt8(ascii: "(") { return false }
            if c == 0x20 {
                var j = i + 1
                while j < text.count, text[j] >= 0x61, text[j] <= 0x7A { j += 1 }
                let word = String(decoding: text[(i + 1)..<j], as: UTF8.self)
                if ResultResolver.linkAfter.contains(word), j + 1 < text.count, text[j] == 0x20 {
                    var t = j + 1
                    if text[t...].starts(with: Array("the ".utf8)) { t += 4 }
                    guard t < text.count else { return false }
                    let head = text[t]
                    let named = (head >= 0x41 && head <= 0x5A) || (head >= 0x30 && head <= 0x39)
                    guard named else { return false }
                    if let at = inSentence.firstIndex(where: { benches[$0].start >= t && benches[$0].start <= t + 1 }) {
                        return at + 1 < inSentence.count && benches[inSentence[at + 1]].start - benches[inSentence[at]].end <= 8
                    }
                    return true
                }
            }
            i += 1
        }
        return false
    }

    /// Whether a benchmark mention is followed by more names the rules do not find (`on both X and
    /// Y.`, `X or Y benchmarks`: a capitalised word that ends the phrase), or `both` comes before it: a list, no one benchmark.
    private func continuesList(_ b: Bench, _ text: [UInt8]) -> Bool {
        let lead = ResultResolver.words(text[max(0, b.start - 12)..<b.start])
        if lead.suffix(2).contains("both") { return true }
        for joint in ResultResolver.listJoints where b.end + joint.count < text.count && text[b.end..<(b.end + joint.count)].elementsEqual(joint) {
            let head = text[b.end + joint.count]
            guard head >= 0x41 && head <= 0x5A else { return false }
            // A list item ends its phrase (`and Y.`, `and Y,`, `and Y benchmarks`); a name followed
            // by a verb starts a new clause (`…, and Y outperforms …`).
            var i = b.end + joint.count
            while i < text.count, text[i] != 0x20, text[i] != 0x0A { i += 1 }
            return ResultResolver.endsPhrase(text, i)
        }
        return false
    }

    /// Whether a benchmark mention is its clause's subject: no cue before it, at most two words
    /// and no personal pronoun between the clause's start and it, and a verb that reports a
    /// result right after it or after one capitalised word (`Additionally, X Fast improves …`;
    /// not `We introduce X, …` nor `The X accuracy reaches …`).
    private func isSubject(_ b: Bench, _ clause: Range<Int>, _ text: [UInt8]) -> Bool {
        guard !cued(b, text), clause.lowerBound <= b.start, b.end <= clause.upperBound else { return false }
        let before = ResultResolver.words(text[clause.lowerBound..<b.start])
        guard before.count <= 2, !before.contains(where: { ResultResolver.pronouns.contains($0) }) else { return false }
        let after = String(decoding: text[b.end..<min(clause.upperBound, b.end + 48)], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(2).map(String.init)
        guard let first = after.first else { return false }
        if ResultResolver.isEvaluationVerb(first) { return true }
        return first.first?.isUppercase == true && after.count > 1 && ResultResolver.isEvaluationVerb(after[1])
    }

    /// Personal pronouns: a clause with one before a name has another subject.
    static let pronouns: Set<String> = ["we", "i", "they", "it", "you"]

    /// Whether the benchmark mention comes after a cue (`on`, `across`, `in`, `using`, `for`, `with`)
    /// and at most two plain words (`on the challenging X`).
    private func cued(_ b: Bench, _ text: [UInt8]) -> Bool {
        let words = ResultResolver.words(text[max(0, b.start - 40)..<b.start])
        guard let cue = words.indices.last(where: { ResultResolver.linkBefore.contains(words[$0]) }) else { return false }
        return words.count - cue <= 3 && words[(cue + 1)...].allSatisfy { ResultResolver.isPlainWord($0) }
    }

    /// Whether a sentence names a target of its own that is not a found benchmark: a plural
    /// target noun (`across five benchmarks`, `in critical tasks`) or `on`/`in`/`across` and a
    /// capitalised word or a digit that does not start one of the abstract's benchmark names.
    private func namesOtherTarget(_ text: [UInt8], _ range: Range<Int>, _ benches: [Bench]) -> Bool {
        if ResultResolver.hasTargetNoun(text[range]) { return true }
        return ResultResolver.cuedOtherName(text[range], benchNames: benches.map(\.name))
    }

    /// Whether `on`/`in`/`across` (and `the`) come before a capitalised word or a digit that
    /// starts none of `benchNames`.
    static func cuedOtherName(_ bytes: ArraySlice<UInt8>, benchNames: [String]) -> Bool {
        asciiCuedOtherName(bytes, benchNames: benchNames) ?? unicodeCuedOtherName(bytes, benchNames: benchNames)
    }

    /// `cuedOtherName` for any text (ASCII has a faster path).
    static func unicodeCuedOtherName(_ bytes: ArraySlice<UInt8>, benchNames: [String]) -> Bool {
        let raw = String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" }).map(String.init)
        for (i, w) in raw.enumerated() where i + 1 < raw.count && ResultResolver.linkAfter.contains(w.lowercased()) {
            var next = raw[i + 1]
            if next == "the", i + 2 < raw.count { next = raw[i + 2] }
            var token = Substring(next)
            while let last = token.last, !(last.isLetter || last.isNumber || last == "+") { token = token.dropLast() }
            if let c = token.unicodeScalars.first, (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x30 && c.value <= 0x39),
               !benchNames.contains(where: { $0.hasPrefix(token) }) { return true }
        }
        return false
    }

    /// Joints after a name that continue a list of names.
    static let listJoints: [[UInt8]] = [", and ", ", or ", " and ", " or "].map { Array($0.utf8) }
    /// Whether the word ending at `i` ends its phrase: punctuation closes it, or the end of the
    /// text, or a noun that closes a list follows (`… and Y benchmarks`), not a verb.
    static func endsPhrase(_ text: [UInt8], _ i: Int) -> Bool {
        if i >= text.count { return true }
        if let last = text[..<i].last, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")")].contains(last) { return true }
        if [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")")].contains(text[i]) { return true }
        let next = words(text[i..<min(text.count, i + 16)]).first ?? ""
        return listNouns.contains(next)
    }

    /// Nouns that may close a list of names (`on X and Y benchmarks`).
    static let listNouns: Set<String> = ["benchmark", "benchmarks", "dataset", "datasets", "suites", "tasks", "respectively"]
    /// Plural nouns that name a target other than one benchmark.
    static let targetNouns: Set<String> = ["benchmarks", "datasets", "tasks", "domains", "suites", "environments"]
    /// Stems of verbs (and nouns) that report a result.
    static let evaluationStems = ["achiev", "reach", "scor", "obtain", "attain", "improv", "increas", "reduc", "outperform",
                                  "surpass", "yield", "gain", "boost", "exceed", "drop", "lower", "rais", "deliver", "record",
                                  "perform", "match", "accura", "rate", "speed", "accelerat", "enhanc", "decreas", "cut", "degrad", "fall", "fell", "lag", "trail", "underperform"]

    /// Whether a lower-cased word reports a result (`achieves`, `reaches`, `improvement`, …).
    static func isEvaluationVerb(_ w: String) -> Bool { evaluationStems.contains { w.hasPrefix($0) } }

    static let evaluationStemBytes = evaluationStems.map { Array($0.utf8) }
    static let targetNounBytes = targetNouns.map { Array($0.utf8) }

    /// Whether one of the words of `bytes` reports a result.
    static func hasEvaluationVerb(_ bytes: ArraySlice<UInt8>) -> Bool {
        asciiAnyWord(bytes) { w in evaluationStemBytes.contains { w.count >= $0.count && w[0] == $0[0] && startsWith(w, $0) } }
            ?? words(bytes).contains(where: isEvaluationVerb)
    }

    /// Whether one of the words of `bytes` is a target noun (`benchmarks`, `tasks`, …).
    static func hasTargetNoun(_ bytes: ArraySlice<UInt8>) -> Bool {
        asciiAnyWord(bytes) { w in targetNounBytes.contains { w.count == $0.count && startsWith(w, $0) } }
            ?? words(bytes).contains(where: { targetNouns.contains($0) })
    }

    // MARK: - Text helpers

    /// The name a title gives before its colon (`Open CaptchaWorld: A …` → `Open CaptchaWorld`), or nil.
    static func titleHead(_ title: String?) -> String? {
        guard let title else { return nil }
        var copy = title
        // An ASCII title: its bytes are its Characters.
        if copy.withUTF8({ isASCII($0) }) {
            guard let colon = title.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let head = asciiSingleSpaced(String(title[..<colon]))!
            return head.isEmpty || head.utf8.count > 60 ? nil : head
        }
        return unicodeTitleHead(title)
    }

    /// `titleHead` for any title (ASCII has a faster path).
    static func unicodeTitleHead(_ title: String) -> String? {
        guard let colon = title.firstIndex(of: ":") else { return nil }
        let head = title[..<colon].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return head.isEmpty || head.count > 60 ? nil : head
    }

    /// The first offset of `needle` inside `range` of `text`.
    static func find(_ needle: [UInt8], in text: [UInt8], range: Range<Int>) -> Int? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        for i in range.lowerBound...(range.upperBound - needle.count) where text[i] == needle[0] {
            if text[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    /// Lower-cased words (letters, digits, `-`, `@`, `.` inside) of a byte slice.
    static func words(_ bytes: ArraySlice<UInt8>) -> [String] {
        asciiWords(bytes) ?? unicodeWords(bytes)
    }

    /// Whether `words(bytes)` contains `word` (lower-case ASCII).
    static func containsWord(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        if let ascii = asciiContainsWord(bytes, word) { return ascii }
        // Only ASCII letters lower-case to the ASCII letters of `word` (but `k`: Kelvin sign), so
        // text without them, in any case, has no such word.
        guard word.description.contains("k") || asciiMayContain(bytes, word) else { return false }
        return unicodeWords(bytes).contains(word.description)
    }

    /// `words` for any text (ASCII has a faster path).
    static func unicodeWords(_ bytes: ArraySlice<UInt8>) -> [String] {
        String(decoding: bytes, as: UTF8.self).lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "@") }).map(String.init)
    }

    /// A lower-case word of letters (an article or adjective between a cue and a name).
    static func isPlainWord(_ w: String) -> Bool { !w.isEmpty && w.allSatisfy { $0.isLetter || $0 == "-" } }

    /// A group's text with white space runs as one space; nil when empty.
    static func single(_ text: String?) -> String? {
        guard let text else { return nil }
        let v = asciiSingleSpaced(text) ?? text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return v.isEmpty ? nil : v
    }
}
