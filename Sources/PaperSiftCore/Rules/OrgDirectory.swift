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
        var entries: [OrgEntry] = []
        var current: OrgEntry?
        var seenNames: [String: Int] = [:]
        func list(_ v: Substring) -> [String] {
            v.utf8.split(separator: 0x7C, omittingEmptySubsequences: false).map { String(trimmed(Substring($0))) }.filter { !$0.isEmpty }
        }
        for (i, raw) in lines(of: text).enumerated() {
            let lineNumber = i + 1
            var line = Substring(raw)
            if line.utf8.last == 0x0D { line = line.dropLast() }
            if line.utf8.first == 0x23 { continue }
            if trimmed(line).isEmpty {
                if let c = current { entries.append(c); current = nil }
                continue
            }
            guard let colon = line.utf8.firstIndex(of: 0x3A) else {
                throw RuleError(file: file, line: lineNumber, message: "expected 'key: value'")
            }
            let key = String(trimmed(line[..<colon]))
            let value = trimmed(line[line.index(after: colon)...])
            guard keys.contains(key) else { throw RuleError(file: file, line: lineNumber, message: "unknown key '\(key)'") }
            if key == "name" {
                if let c = current { entries.append(c) }
                guard !value.isEmpty else { throw RuleError(file: file, line: lineNumber, message: "empty name") }
                let name = String(value)
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
            case "type": current!.type = String(value)
            case "aliases": current!.aliases = list(value)
            case "acronyms": current!.acronyms = list(value)
            case "github": current!.github = list(value)
            case "hf": current!.hf = list(value)
            case "domains": current!.domains = list(value)
            case "parent": current!.parent = value.isEmpty ? nil : String(value)
            case "text":
                guard value == "yes" || value == "no" else { throw RuleError(file: file, line: lineNumber, message: "text must be yes or no") }
                current!.matchInText = value == "yes"
            default: break
            }
        }
        if let c = current { entries.append(c) }
        return OrgDirectory(entries: entries)
    }

    /// `s` without spaces and tabs at either end.
    private static func trimmed(_ s: Substring) -> Substring {
        let u = s.utf8
        var start = u.startIndex, end = u.endIndex
        while start != end, u[start] == 0x20 || u[start] == 0x09 { start = u.index(after: start) }
        while end != start, u[u.index(before: end)] == 0x20 || u[u.index(before: end)] == 0x09 { end = u.index(before: end) }
        return s[start..<end]
    }

    /// The lines of `text` as `text.split(separator: "\n")` gives them (a CR LF pair is one
    /// Character, so it does not end a line there either), found on the UTF-8 bytes.
    private static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var i = start
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A && previous != 0x0D {
                lines.append(text[start..<i])
                start = utf8.index(after: i)
            }
            previous = b
            i = utf8.index(after: i)
        }
        lines.append(text[start...])
        return lines
    }
}
