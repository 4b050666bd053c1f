/// A rule compiled with the PCRE2 JIT, with its literal prefilter ready.
public final class CompiledRule {
    public let definition: RuleDefinition
    public let pattern: PCRE2Pattern
    /// The `continue:` pattern, compiled anchored: tried right after each match for list items.
    public let continuation: PCRE2Pattern?
    /// The group whose span is the finding (`raw`), else 0 (the whole match); the same for `continue:`.
    public let rawGroup: Int
    let continuationRawGroup: Int
    /// Prefilter literals (lower-cased when the rule is caseless).
    let prefilter: LiteralPrefilter
    public let caseless: Bool

    public var id: String { definition.id }
    public var field: String { definition.field }

    /// Compiles `definition`; `startFilter` as for `PCRE2Pattern`.
    public init(_ definition: RuleDefinition, startFilter: StartFilter? = nil) throws(RuleError) {
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
        do {
            pattern = try PCRE2Pattern(definition.pattern, options: options, startFilter: startFilter)
        } catch {
            throw RuleError(file: definition.file, line: definition.patternLine, message: error.description)
        }
        do {
            continuation = try definition.continuation.map { c throws(PatternCompileError) in
                try PCRE2Pattern(c, options: options.union(.anchored))
            }
        } catch {
            throw RuleError(file: definition.file, line: definition.continuationLine, message: error.description)
        }
        caseless = options.contains(.caseless)
        rawGroup = pattern.groupIndex("raw") ?? 0
        continuationRawGroup = continuation?.groupIndex("raw") ?? 0
        prefilter = LiteralPrefilter(definition.prefilters.map { Array((options.contains(.caseless) ? asciiLowercased($0) : $0).utf8) })
    }

    /// Whether the prefilter lets the rule run on this text. `lowered` is the ASCII-lower-cased
    /// text; the indexes hold the byte pairs of each.
    @inline(__always)
    func passesPrefilter(text: UnsafeBufferPointer<UInt8>, lowered: UnsafeBufferPointer<UInt8>,
                         textIndex: BytePairIndex, loweredIndex: BytePairIndex) -> Bool {
        prefilter.isEmpty || (caseless ? prefilter.matches(lowered, index: loweredIndex) : prefilter.matches(text, index: textIndex))
    }

    /// Every finding of this rule in `text` (UTF-8 bytes): the matches of the pattern, each followed
    /// by the chain of anchored `continue:` matches that starts where it ends. A match that cannot
    /// finish (PCRE2 match limit on hostile text) throws, naming this rule and its file.
    public func findings(in text: UnsafeBufferPointer<UInt8>) throws(PatternMatchError) -> [Finding] {
        try findings(in: text, asciiSubject: isASCII(text))
    }

    /// `findings(in:)` when the caller knows whether `text` is pure ASCII; stops once `limit`
    /// findings are in.
    public func findings(in text: UnsafeBufferPointer<UInt8>, asciiSubject: Bool,
                         limit: Int = .max) throws(PatternMatchError) -> [Finding] {
        do { return try matchFindings(in: text, asciiSubject: asciiSubject, limit: limit) } catch {
            throw PatternMatchError(code: error.code, message: "\(error.message) (rule \(id), \(definition.file))")
        }
    }

    private func matchFindings(in text: UnsafeBufferPointer<UInt8>, asciiSubject: Bool,
                               limit: Int) throws(PatternMatchError) -> [Finding] {
        var out: [Finding] = []
        var position = 0
        while out.count < limit, position <= text.count,
              let m = try pattern.firstMatch(in: text, from: position, asciiSubject: asciiSubject) {
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
