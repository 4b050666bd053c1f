/// A rule compiled with the PCRE2 JIT, with its literal prefilter ready.
public final class CompiledRule {
    public let definition: RuleDefinition
    public let pattern: PCRE2Pattern
    /// The group whose span is the finding (`raw`), else 0 (the whole match).
    public let rawGroup: Int
    /// Named groups reported in findings: (name, group number), in group order.
    public let namedGroups: [(String, Int)]
    /// Prefilter literals as bytes (lower-cased when the rule is caseless).
    let prefilterBytes: [[UInt8]]
    public let caseless: Bool

    public var id: String { definition.id }
    public var field: String { definition.field }

    public init(_ definition: RuleDefinition) throws(RuleError) {
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
            pattern = try PCRE2Pattern(definition.pattern, options: options)
        } catch {
            throw RuleError(file: definition.file, line: definition.patternLine, message: error.description)
        }
        caseless = options.contains(.caseless)
        rawGroup = pattern.groupIndex("raw") ?? 0
        namedGroups = pattern.groupNames.enumerated().compactMap { i, n in n.map { ($0, i) } }
        prefilterBytes = definition.prefilters.map { Array((options.contains(.caseless) ? asciiLowercased($0) : $0).utf8) }
    }

    /// Whether the prefilter lets the rule run on this text. `lowered` is the ASCII-lower-cased text.
    @inline(__always)
    func passesPrefilter(text: UnsafeBufferPointer<UInt8>, lowered: UnsafeBufferPointer<UInt8>) -> Bool {
        if prefilterBytes.isEmpty { return true }
        let haystack = caseless ? lowered : text
        for literal in prefilterBytes {
            if literal.withUnsafeBufferPointer({ findBytes($0, in: haystack) }) != nil { return true }
        }
        return false
    }

    /// Every finding of this rule in `text` (UTF-8 bytes).
    public func findings(in text: UnsafeBufferPointer<UInt8>) throws(PatternMatchError) -> [Finding] {
        var out: [Finding] = []
        for m in try pattern.allMatches(in: text) {
            guard let span = m.groups[rawGroup] else { continue }
            var groups: [(String, String)] = []
            for (name, index) in namedGroups where name != "raw" {
                if let g = m.groups[index] { groups.append((name, string(text, g))) }
            }
            out.append(Finding(rule: definition.id, raw: string(text, span), start: span.start, end: span.end, groups: groups))
        }
        return out
    }

    /// Matches against a whole string (anchored classifiers, tables): the first match or nil.
    public func firstMatch(_ text: String) -> Finding? {
        var copy = text
        return copy.withUTF8 { buf in (try? findings(in: buf))?.first }
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
