/// One organisation of `rules/orgs/aliases.txt`.
public struct OrgEntry: Sendable {
    public var name: String
    public var type: String
    public var aliases: [String]
    public var acronyms: [String]
    public var github: [String]
    public var hf: [String]
    public var domains: [String]
    public var parent: String?
    /// Whether its names may be matched in running text.
    public var matchInText: Bool
}

/// The organisation alias table: handles, domains and text names → canonical names.
public struct OrgDirectory: Sendable {
    public let entries: [OrgEntry]
    private let byGitHub: [String: Int]
    private let byHF: [String: Int]
    private let byDomain: [String: Int]
    private let byTextName: [String: Int]

    public init(entries: [OrgEntry]) {
        self.entries = entries
        var gh: [String: Int] = [:], hf: [String: Int] = [:], dom: [String: Int] = [:], text: [String: Int] = [:]
        for (i, e) in entries.enumerated() {
            for h in e.github { gh[h.lowercased()] = gh[h.lowercased()] ?? i }
            for h in e.hf { hf[h.lowercased()] = hf[h.lowercased()] ?? i }
            for d in e.domains { dom[d.lowercased()] = dom[d.lowercased()] ?? i }
            text[e.name] = text[e.name] ?? i
            for a in e.aliases + e.acronyms { text[a] = text[a] ?? i }
        }
        byGitHub = gh; byHF = hf; byDomain = dom; byTextName = text
    }

    /// The organisation owning a GitHub account, or nil (a person's account is not listed).
    public func forGitHub(_ handle: String) -> OrgEntry? { byGitHub[handle.lowercased()].map { entries[$0] } }
    public func forHuggingFace(_ handle: String) -> OrgEntry? { byHF[handle.lowercased()].map { entries[$0] } }

    /// The organisation of a host or e-mail domain; sub-domains match their parent domain.
    public func forDomain(_ domain: String) -> OrgEntry? {
        var d = Substring(domain.lowercased())
        if d.hasPrefix("www.") { d = d.dropFirst(4) }
        while true {
            if let i = byDomain[String(d)] { return entries[i] }
            guard let dot = d.firstIndex(of: "."), d[d.index(after: dot)...].contains(".") else { return nil }
            d = d[d.index(after: dot)...]
        }
    }

    /// The organisation a name written in text refers to (exact, case-sensitive).
    public func forTextName(_ name: String) -> OrgEntry? { byTextName[name].map { entries[$0] } }

    /// Every name that may be matched in running text (aliases and acronyms only: a canonical name
    /// such as "Meta" may be unsafe in text), longest first.
    public var textNames: [String] {
        var names: [String] = []
        for e in entries where e.matchInText { names += e.aliases; names += e.acronyms }
        return Array(Set(names)).sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
    }

    static let keys: Set<String> = ["name", "type", "aliases", "acronyms", "github", "hf", "domains", "parent", "text"]

    /// Parses the stanza format documented in `docs/RULES.md`.
    public static func parse(text: String, file: String) throws(RuleError) -> OrgDirectory {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses the UTF-8 bytes of the stanza format (lines end at LF, not at a CR LF pair, as
    /// `String.split` on `"\n"` has them; a CR ending a line is dropped).
    public static func parse(bytes: [UInt8], file: String) throws(RuleError) -> OrgDirectory {
        try bytes.withUnsafeBufferPointer { text throws(RuleError) in try parse(text, file: file) }
    }

    private static func parse(_ text: UnsafeBufferPointer<UInt8>, file: String) throws(RuleError) -> OrgDirectory {
        var entries: [OrgEntry] = []
        var current: OrgEntry?
        var seenNames: [String: Int] = [:]
        func string(_ r: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: text[r]), as: UTF8.self)
        }
        /// The items of a `|`-separated list, trimmed, empty ones dropped.
        func list(_ v: Range<Int>) -> [String] {
            var items: [String] = []
            var from = v.lowerBound
            while from <= v.upperBound {
                var to = from
                while to < v.upperBound, text[to] != 0x7C { to += 1 }
                let item = trimmed(from..<to, text)
                if !item.isEmpty { items.append(string(item)) }
                from = to + 1
            }
            return items
        }
        var lines = ByteLines(text)
        while let line = lines.next() {
            let lineNumber = lines.number
            if !line.isEmpty, text[line.lowerBound] == 0x23 { continue }
            if trimmed(line, text).isEmpty {
                if let c = current { entries.append(c); current = nil }
                continue
            }
            guard let colon = line.first(where: { text[$0] == 0x3A }) else {
                throw RuleError(file: file, line: lineNumber, message: "expected 'key: value'")
            }
            let key = string(trimmed(line.lowerBound..<colon, text))
            let valueRange = trimmed(colon + 1..<line.upperBound, text)
            guard keys.contains(key) else { throw RuleError(file: file, line: lineNumber, message: "unknown key '\(key)'") }
            if key == "name" {
                if let c = current { entries.append(c) }
                guard !valueRange.isEmpty else { throw RuleError(file: file, line: lineNumber, message: "empty name") }
                let name = string(valueRange)
                if let first = seenNames[name] {
                    throw RuleError(file: file, line: lineNumber, message: "'\(name)' is already defined on line \(first)")
                }
                seenNames[name] = lineNumber
                current = OrgEntry(name: name, type: "", aliases: [], acronyms: [], github: [], hf: [],
                                   domains: [], parent: nil, matchInText: true)
                continue
            }
            guard current != nil else { throw RuleError(file: file, line: lineNumber, message: "'\(key)' before 'name:'") }
            switch key {
            case "type": current!.type = string(valueRange)
            case "aliases": current!.aliases = list(valueRange)
            case "acronyms": current!.acronyms = list(valueRange)
            case "github": current!.github = list(valueRange)
            case "hf": current!.hf = list(valueRange)
            case "domains": current!.domains = list(valueRange)
            case "parent": current!.parent = valueRange.isEmpty ? nil : string(valueRange)
            case "text":
                let value = string(valueRange)
                guard value == "yes" || value == "no" else { throw RuleError(file: file, line: lineNumber, message: "text must be yes or no") }
                current!.matchInText = value == "yes"
            default: break
            }
        }
        if let c = current { entries.append(c) }
        return OrgDirectory(entries: entries)
    }

    /// `r` without spaces and tabs at either end.
    private static func trimmed(_ r: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = r.lowerBound, end = r.upperBound
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }
}
