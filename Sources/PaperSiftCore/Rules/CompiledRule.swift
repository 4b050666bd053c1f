/// A rule compiled with the PCRE2 JIT, with its literal prefilter ready.
public final class CompiledRule {
    public let definition: RuleDefinition
    public let pattern: PCRE2Pattern
    /// The `continue:` pattern, compiled anchored: tried right after each match for list items.
    public let continuation: PCRE2Pattern?
    /// The group whose span is the finding (`raw`), else 0 (the whole match); the same for `continue:`.
    public let rawGroup: Int
    let continuationRawGroup: Int
    /// Prefilter literals (lower-cased when the rule is caseless), looked for by `PrefilterScanner`.
    let prefilterLiterals: [[UInt8]]
    public let caseless: Bool
    /// `window:` when the hints are used: matches are looked for only this far before prefilter literals.
    let window: Int?
    /// Scratch: where the prefilter literals (the ends of the windows) occur in the current text,
    /// and its lower-cased copy.
    private var occurrences: [Int] = []
    private var loweredScratch: [UInt8] = []

    public var id: String { definition.id }
    /// Whether the rule has a `starts:` or `window:` search hint.
    public var hasSearchHints: Bool { !definition.starts.isEmpty || !definition.startsInside.isEmpty || definition.window != nil }
    /// The start filter of `starts:` (or the one given at compilation), if any.
    var startFilter: StartFilter? { pattern.startFilter }
    public var field: String { definition.field }

    /// Compiles `definition`; `startFilter` as for `PCRE2Pattern` (else one is made from `starts:`).
    /// `fullScan` ignores the `starts:`/`window:` hints.
    public init(_ definition: RuleDefinition, startFilter: StartFilter? = nil, fullScan: Bool = false) throws(RuleError) {
        self.definition = definition
        var options: PatternOptions = []
        for f in definition.flags {
            switch f {
            case "caseless": options.insert(.caseless)
            case "extended": options.insert(.extended)
            case "multiline": options.insert(.multiline)
            case "dotall": options.insert(.dotAll)
            case "anchored": options.insert(.anchored)
            case "ungreedy": options.insert(.ungreedy)
            default: break
            }
        }
        let caseless = options.contains(.caseless)
        var startFilter = startFilter
        if !fullScan, !definition.starts.isEmpty || !definition.startsInside.isEmpty {
            startFilter = try CompiledRule.startFilter(definition, caseless: caseless)
        }
        window = fullScan ? nil : definition.window
        if window != nil { options.insert(.offsetLimit) }
        prefilterLiterals = definition.prefilters.map { Array((caseless ? asciiLowercased($0) : $0).utf8) }.filter { !$0.isEmpty }
        do {
            pattern = try PCRE2Pattern(definition.pattern, options: options, startFilter: startFilter)
        } catch {
            throw RuleError(file: definition.file, line: definition.patternLine, message: error.description)
        }
        do {
            continuation = try definition.continuation.map { c throws(PatternCompileError) in
                try PCRE2Pattern(c, options: options.union(.anchored).subtracting(.offsetLimit))
            }
        } catch {
            throw RuleError(file: definition.file, line: definition.continuationLine, message: error.description)
        }
        self.caseless = caseless
        rawGroup = pattern.groupIndex("raw") ?? 0
        continuationRawGroup = continuation?.groupIndex("raw") ?? 0
    }

    /// The same rule for another thread, its patterns sharing `other`'s compiled code with match
    /// data and scratch of their own (see `PCRE2Pattern.init(copying:)`); no other thread may use
    /// `other` while it is made.
    public init(copying other: CompiledRule) {
        definition = other.definition
        pattern = PCRE2Pattern(copying: other.pattern)
        continuation = other.continuation.map(PCRE2Pattern.init(copying:))
        rawGroup = other.rawGroup
        continuationRawGroup = other.continuationRawGroup
        prefilterLiterals = other.prefilterLiterals
        caseless = other.caseless
        window = other.window
    }

    /// The start filter of `starts:` and `starts-inside:`: each literal's first bytes (every ASCII
    /// case of them when the rule is caseless), at a word start unless `starts-at: any`, and
    /// anywhere for `starts-inside:`.
    private static func startFilter(_ definition: RuleDefinition, caseless: Bool) throws(RuleError) -> StartFilter {
        let starts = try casedVariants(definition.starts, definition, caseless: caseless)
        let inside = try casedVariants(definition.startsInside, definition, caseless: caseless)
        guard let filter = LiteralTrie.startFilter(of: starts, atWordStart: definition.startsAtWordStart, anywhere: inside) else {
            throw RuleError(file: definition.file, line: definition.hintLine, message: "starts: a literal may not begin with a space")
        }
        return filter
    }

    /// `literals`, and for a caseless rule every ASCII case of their first three bytes.
    private static func casedVariants(_ list: [String], _ definition: RuleDefinition, caseless: Bool) throws(RuleError) -> [String] {
        var literals: [String] = []
        for literal in list {
            guard caseless else { literals.append(literal); continue }
            // Case variants are made for ASCII letters only, so no other cased letter may come first.
            let head = Array(literal.utf8.prefix(3))
            let cased = literal.unicodeScalars.prefix(3).contains { !$0.isASCII && $0.properties.changesWhenCaseMapped }
            guard !cased else {
                throw RuleError(file: definition.file, line: definition.hintLine,
                                message: "starts: '\(literal)' must not begin with a non-ASCII letter in a caseless rule")
            }
            var variants: [[UInt8]] = [[]]
            for b in head {
                let lower: UInt8 = b | 0x20
                let cases: [UInt8] = lower >= 0x61 && lower <= 0x7A ? [lower, lower & 0xDF] : [b]
                variants = variants.flatMap { (v: [UInt8]) -> [[UInt8]] in cases.map { v + [$0] } }
            }
            literals += variants.map { String(decoding: $0, as: UTF8.self) }
        }
        return literals
    }

    /// Prepares its patterns for matching subjects of this kind (`PCRE2Pattern.prepareMatching`).
    public func prepareMatching(asciiSubject: Bool) {
        pattern.prepareMatching(asciiSubject: asciiSubject)
        continuation?.prepareMatching(asciiSubject: asciiSubject)
    }

    /// Every finding of this rule in `text` (UTF-8 bytes): the matches of the pattern, each followed
    /// by the chain of anchored `continue:` matches that starts where it ends. A match that cannot
    /// finish (PCRE2 match limit on hostile text) throws, naming this rule and its file.
    public func findings(in text: UnsafeBufferPointer<UInt8>) throws(PatternMatchError) -> [Finding] {
        try findings(in: text, asciiSubject: isASCII(text))
    }

    /// `findings(in:)` when the caller knows whether `text` is pure ASCII; stops once `limit`
    /// findings are in. `startCandidates`, where the start filter allows a match (`StartCandidates`),
    /// and `literals`, where the prefilter literals occur (`PrefilterScanner`), save the rule looking.
    public func findings(in text: UnsafeBufferPointer<UInt8>, asciiSubject: Bool, limit: Int = .max,
                         startCandidates: UnsafeBufferPointer<Int>? = nil, literals: [Int]? = nil) throws(PatternMatchError) -> [Finding] {
        do {
            guard window != nil else {
                return try matchFindings(in: text, asciiSubject: asciiSubject, limit: limit, startCandidates: startCandidates, literals: nil)
            }
            if let literals {
                return try literals.withUnsafeBufferPointer { at throws(PatternMatchError) in
                    try matchFindings(in: text, asciiSubject: asciiSubject, limit: limit, startCandidates: startCandidates, literals: at)
                }
            }
            findOccurrences(in: text)
            return try occurrences.withUnsafeBufferPointer { at throws(PatternMatchError) in
                try matchFindings(in: text, asciiSubject: asciiSubject, limit: limit, startCandidates: startCandidates, literals: at)
            }
        } catch {
            throw PatternMatchError(code: error.code, message: "\(error.message) (rule \(id), \(definition.file))")
        }
    }

    private func matchFindings(in text: UnsafeBufferPointer<UInt8>, asciiSubject: Bool, limit: Int,
                               startCandidates: UnsafeBufferPointer<Int>?, literals: UnsafeBufferPointer<Int>?) throws(PatternMatchError) -> [Finding] {
        var out: [Finding] = []
        var position = 0
        var next = 0
        while out.count < limit, position <= text.count,
              let m = try nextMatch(in: text, from: position, asciiSubject: asciiSubject, startCandidates: startCandidates,
                                    literals: literals, occurrence: &next) {
            if let f = finding(pattern, rawGroup, m, text) { out.append(f) }
            var end = m.span.end
            // The list goes on: each continuation match starts where the last one ended.
            while let continuation, let next = try continuation.firstMatch(in: text, from: end, asciiSubject: asciiSubject),
                  next.span.end > end {
                if let f = finding(continuation, continuationRawGroup, next, text) { out.append(f) }
                end = next.span.end
            }
            // An empty match steps on by one whole UTF-8 character.
            position = end > m.span.start ? end : PCRE2Pattern.nextCharacter(after: end, in: text)
        }
        return out
    }

    /// The first match at or after `position`: anywhere, or with `window:`, in the windows before
    /// the literal occurrences (`literals`) from `occurrence` on (overlapping windows are searched as one).
    @inline(__always)
    private func nextMatch(in text: UnsafeBufferPointer<UInt8>, from position: Int, asciiSubject: Bool,
                           startCandidates: UnsafeBufferPointer<Int>?, literals occurrences: UnsafeBufferPointer<Int>?,
                           occurrence k: inout Int) throws(PatternMatchError) -> PatternMatch? {
        guard let window, let occurrences else {
            return try pattern.firstMatch(in: text, from: position, asciiSubject: asciiSubject, candidates: startCandidates)
        }
        while true {
            while k < occurrences.count, occurrences[k] < position { k += 1 }
            guard k < occurrences.count else { return nil }
            let from = max(position, occurrences[k] - window)
            let first = k
            var last = occurrences[k]
            k += 1
            while k < occurrences.count, occurrences[k] - window <= last + 1 { last = occurrences[k]; k += 1 }
            if let m = try pattern.firstMatch(in: text, from: from, asciiSubject: asciiSubject, startLimit: last) {
                // Occurrences of this window after the match's end may open the next one.
                k = first
                return m
            }
        }
    }

    /// Fills `occurrences` with where the prefilter literals occur in `text`, sorted (when no
    /// `PrefilterScanner` has found them).
    private func findOccurrences(in text: UnsafeBufferPointer<UInt8>) {
        occurrences.removeAll(keepingCapacity: true)
        var haystack = text
        if caseless {
            loweredScratch.removeAll(keepingCapacity: true)
            loweredScratch.append(contentsOf: text)
            loweredScratch.withUnsafeMutableBufferPointer { low in
                for i in 0..<low.count where low[i] >= 0x41 && low[i] <= 0x5A { low[i] |= 0x20 }
            }
        }
        loweredScratch.withUnsafeBufferPointer { low in
            if caseless { haystack = low }
            for literal in prefilterLiterals {
                literal.withUnsafeBufferPointer { needle in
                    var from = 0
                    while from < haystack.count,
                          let at = findBytes(needle, in: UnsafeBufferPointer(rebasing: haystack[from...])) {
                        occurrences.append(from + at)
                        from += at + 1
                    }
                }
            }
        }
        if prefilterLiterals.count > 1 { occurrences.sort() }
    }

    /// The finding of one match: the `raw` group's span (else the whole match) and the named groups.
    private func finding(_ p: PCRE2Pattern, _ raw: Int, _ m: PatternMatch, _ text: UnsafeBufferPointer<UInt8>) -> Finding? {
        guard let span = m.groups[raw] else { return nil }
        var groups: [(String, String)] = []
        for (index, name) in p.groupNames.enumerated() {
            guard let name, name != "raw", let g = m.groups[index] else { continue }
            groups.append((name, string(text, g)))
        }
        return Finding(rule: definition.id, raw: string(text, span), start: span.start, end: span.end, groups: groups)
    }

    /// Matches against a whole string (anchored classifiers, tables): the first match or nil.
    public func firstMatch(_ text: String) -> Finding? {
        var copy = text
        return copy.withUTF8 { buf in (try? findings(in: buf, asciiSubject: isASCII(buf), limit: 1))?.first }
    }
}

@inline(__always)
func string(_ bytes: UnsafeBufferPointer<UInt8>, _ span: ByteSpan) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
}

/// ASCII-only lower-casing (byte lengths unchanged, so offsets stay valid).
public func asciiLowercased(_ s: String) -> String {
    String(decoding: s.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
}
