#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where extraction time goes, rule by rule (`sift-extract --profile-rules`): for each rule, how
/// often its prefilter let it run, its hits, and the time spent in its prefilter and its pattern.
public final class RuleProfile {
    public struct Entry: Sendable {
        public var id: String
        public var field: String
        public var texts = 0
        public var ran = 0
        public var hits = 0
        public var prefilterSeconds = 0.0
        public var matchSeconds = 0.0
        public var seconds: Double { prefilterSeconds + matchSeconds }
    }

    private var entries: [Entry] = []
    private var index: [ObjectIdentifier: Int] = [:]

    public init() {}

    @inline(__always)
    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    func record(_ rule: CompiledRule, prefilterStart: UInt64, matchStart: UInt64?, end: UInt64, hits: Int) {
        let key = ObjectIdentifier(rule)
        let i: Int
        if let known = index[key] { i = known } else {
            entries.append(Entry(id: rule.id, field: rule.field))
            i = entries.count - 1
            index[key] = i
        }
        entries[i].texts += 1
        entries[i].hits += hits
        if let matchStart {
            entries[i].ran += 1
            entries[i].prefilterSeconds += Double(matchStart &- prefilterStart) / 1e9
            entries[i].matchSeconds += Double(end &- matchStart) / 1e9
        } else {
            entries[i].prefilterSeconds += Double(end &- prefilterStart) / 1e9
        }
    }

    /// The rules, most expensive first.
    public var sortedEntries: [Entry] { entries.sorted { $0.seconds > $1.seconds } }

    /// A Markdown table of `sortedEntries` with each rule's share of the total.
    public func table() -> String {
        let total = entries.reduce(0) { $0 + $1.seconds }
        var lines = ["| rule | field | texts | ran (prefilter passed) | hits | prefilter s | pattern s | share |",
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for e in sortedEntries {
            lines.append("| `\(e.id)` | \(e.field) | \(e.texts) | \(e.ran) | \(e.hits) | \(fixed(e.prefilterSeconds, 3)) | \(fixed(e.matchSeconds, 3)) | \(fixed(total > 0 ? 100 * e.seconds / total : 0, 1)) % |")
        }
        lines.append("| total | | | | | | \(fixed(total, 3)) | |")
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
