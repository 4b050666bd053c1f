/// The benchmark alias table (`rules/benchmarks/aliases.txt`): spellings of one benchmark → its
/// canonical name and `benchmark_id`, so that results group per benchmark.
///
/// Names are compared by their *folded key*: ASCII letters lower-cased, `+` read as `plus`, every
/// other character except letters and digits dropped (`MMLU-Pro`, `MMLU Pro` and `mmlu_pro` are
/// one key). A name in no stanza is its own canonical name; its `benchmark_id` is its folded key.
public struct BenchmarkAliases: Sendable {
    /// Canonical name and aliases of each stanza, in file order.
    public let entries: [(name: String, aliases: [String])]
    private let canonicalByKey: [String: String]
    /// The `benchmark_id` of each key that a stanza lists.
    private let idByKey: [String: String]

    public init(entries: [(name: String, aliases: [String])]) {
        self.entries = entries
        var byKey: [String: String] = [:]
        for e in entries {
            for written in [e.name] + e.aliases {
                let k = BenchmarkAliases.key(written)
                if !k.isEmpty, byKey[k] == nil { byKey[k] = e.name }
            }
        }
        canonicalByKey = byKey
        idByKey = byKey.mapValues { BenchmarkAliases.key($0) }
    }

    /// The canonical name of a benchmark as written (itself when no stanza lists it).
    public func canonicalName(_ written: String) -> String { canonicalByKey[BenchmarkAliases.key(written)] ?? written }

    /// The `benchmark_id` of a benchmark as written: the folded key of its canonical name.
    public func id(_ written: String) -> String { BenchmarkAliases.key(canonicalName(written)) }

    /// `id` of a name whose folded key is `key`.
    public func id(key: String) -> String { idByKey[key] ?? key }

    /// The folded key (see the type's documentation).
    public static func key(_ name: String) -> String {
        var copy = name
        if let ascii = copy.withUTF8({ isASCII($0) ? asciiKey($0) : nil }) { return ascii }
        return unicodeKey(name)
    }

    /// `key` for any name (ASCII has a faster path, `asciiKey`).
    static func unicodeKey(_ name: String) -> String {
        var out = ""
        for s in name.unicodeScalars {
            if s == "+" { out += "plus"; continue }
            guard s.properties.isAlphabetic || s.properties.numericType != nil else { continue }
            out.unicodeScalars.append(s.isASCII ? Unicode.Scalar(UInt8(ascii: s) | (s.value >= 65 && s.value <= 90 ? 0x20 : 0)) : s)
        }
        return out
    }

    /// Parses stanzas of `name:` and `aliases:` (` | `-separated) separated by blank lines; `#` comments.
    public static func parse(text: String, file: String) throws(RuleError) -> BenchmarkAliases {
        var entries: [(name: String, aliases: [String])] = []
        var current: (name: String, aliases: [String])?
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("#") { continue }
            let trimmedLine = line.trimmedOf(" \t")
            if trimmedLine.isEmpty {
                if let c = current { entries.append(c); current = nil }
                continue
            }
            guard let colon = trimmedLine.firstIndex(of: ":") else {
                throw RuleError(file: file, line: lineNumber, message: "expected 'name:' or 'aliases:'")
            }
            let key = String(trimmedLine[..<colon])
            let value = trimmedLine[trimmedLine.index(after: colon)...].trimmedOf(" \t")
            switch key {
            case "name":
                if let c = current { entries.append(c) }
                guard !value.isEmpty else { throw RuleError(file: file, line: lineNumber, message: "empty benchmark name") }
                let k = BenchmarkAliases.key(value)
                if let other = firstLine[k] {
                    throw RuleError(file: file, line: lineNumber, message: "benchmark '\(value)' is also listed on line \(other)")
                }
                firstLine[k] = lineNumber
                current = (value, [])
            case "aliases":
                guard current != nil else { throw RuleError(file: file, line: lineNumber, message: "'aliases:' before 'name:'") }
                for alias in value.split(separator: "|") {
                    let a = alias.trimmedOf(" \t")
                    guard !a.isEmpty else { continue }
                    let k = BenchmarkAliases.key(a)
                    if let other = firstLine[k] {
                        throw RuleError(file: file, line: lineNumber, message: "alias '\(a)' is also listed on line \(other)")
                    }
                    firstLine[k] = lineNumber
                    current!.aliases.append(a)
                }
            default:
                throw RuleError(file: file, line: lineNumber, message: "unknown key '\(key)' (expected name or aliases)")
            }
        }
        if let c = current { entries.append(c) }
        return BenchmarkAliases(entries: entries)
    }
}

extension Substring {
    fileprivate func trimmedOf(_ set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
