#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where extraction time goes, rule by rule (`sift-extract --profile-rules`): for each rule, how
/// often its prefilter let it run, its hits and the time spent in its pattern; and the time of the
/// passes shared by all rules (prefilter literals, start filters).
public final class RuleProfile {
    public struct Entry: Sendable {
        public var id: String
        public var field: String
        public var texts = 0
        public var ran = 0
        public var hits = 0
        public var seconds = 0.0
    }

    private var entries: [Entry] = []
    /// The time of the shared prefilter and start-filter passes over all texts.
    public private(set) var prefilterSeconds = 0.0
    public private(set) var startFilterSeconds = 0.0
    private var index: [ObjectIdentifier: Int] = [:]

    public init() {}

    @inline(__always)
    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    /// Counts one text for `rule`, and whether its prefilter let it run.
    func count(_ rule: CompiledRule, ran: Bool) {
        let i = entryIndex(rule)
        entries[i].texts += 1
        if ran { entries[i].ran += 1 }
    }

    /// Records one run of `rule`'s pattern over a text.
    func record(_ rule: CompiledRule, start: UInt64, end: UInt64, hits: Int) {
        let i = entryIndex(rule)
        entries[i].hits += hits
        entries[i].seconds += Double(end &- start) / 1e9
    }

    /// Records the shared passes over one text: the prefilters from `start` to `middle`, then the
    /// start filters until `end`.
    func recordScans(start: UInt64, middle: UInt64, end: UInt64) {
        prefilterSeconds += Double(middle &- start) / 1e9
        startFilterSeconds += Double(end &- middle) / 1e9
    }

    private func entryIndex(_ rule: CompiledRule) -> Int {
        let key = ObjectIdentifier(rule)
        if let known = index[key] { return known }
        entries.append(Entry(id: rule.id, field: rule.field))
        index[key] = entries.count - 1
        return entries.count - 1
    }

    /// The rules, most expensive first.
    public var sortedEntries: [Entry] { entries.sorted { $0.seconds > $1.seconds } }

    /// A Markdown table of `sortedEntries` with each rule's share of the total.
    public func table() -> String {
        let total = entries.reduce(prefilterSeconds + startFilterSeconds) { $0 + $1.seconds }
        func share(_ s: Double) -> String { fixed(total > 0 ? 100 * s / total : 0, 1) + " %" }
        var lines = ["| rule | field | texts | ran (prefilter passed) | hits | s | share |",
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
        for e in sortedEntries {
            lines.append("| `\(e.id)` | \(e.field) | \(e.texts) | \(e.ran) | \(e.hits) | \(fixed(e.seconds, 3)) | \(share(e.seconds)) |")
        }
        lines.append("| (prefilters of all rules, one pass per text) | | | | | \(fixed(prefilterSeconds, 3)) | \(share(prefilterSeconds)) |")
        lines.append("| (start filters of all `starts:` rules, one pass per text) | | | | | \(fixed(startFilterSeconds, 3)) | \(share(startFilterSeconds)) |")
        lines.append("| total | | | | | \(fixed(total, 3)) | |")
        return lines.joined(separator: "\n")
    }

    private func fixed(_ v: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (v * scale).rounded() / scale
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        } else if digits > 0 {
            s += "." + String(repeating: "0", count: digits)
        }
        return s
    }
}
