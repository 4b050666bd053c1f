/// Turns a link as written into its canonical URL and kind, using the `links` and `link_kind` rules.
///
/// Canonical form (spec): `https://` scheme, lower-case host, no trailing sentence punctuation or
/// unbalanced `)`/`]`, no trailing `/` unless the path is empty, no `.git`, path case kept, no
/// white space (a URL split after `/` is joined), LaTeX escapes read back (`my\_tool` → `my_tool`).
///
/// A `links` rule may give a `url` template built from its groups (`arXiv:2401.12345` →
/// `https://arxiv.org/abs/{id}{vtag}`); otherwise the raw text is the address. The kind comes from
/// the first `link_kind` rule (highest priority, then file order) whose anchored pattern matches
/// the canonical URL; its `url` template, when present, rewrites the URL (a GitHub URL cut to
/// `https://github.com/{owner}/{repo}`), and its `parts` attribute names the groups written into
/// the link (`owner repo path`; `version:int` writes the group as an integer).
public struct LinkCanonicalizer {
    private let kindRules: [KindRule]
    private let addressTemplates: [String: URLTemplate]
    private let orgs: OrgDirectory
    /// `org_handle` rules: an account handle shaped like a lab's, group's or company's.
    private let handleRules: [CompiledRule]

    public init(rules: RuleSet) {
        kindRules = rules.rules(for: "link_kind").enumerated()
            .sorted { $0.element.definition.priority != $1.element.definition.priority
                ? $0.element.definition.priority > $1.element.definition.priority : $0.offset < $1.offset }
            .map { KindRule($0.element) }
        var templates: [String: URLTemplate] = [:]
        for rule in rules.definitions(for: "links") {
            if let url = rule.attributes["url"] { templates[rule.id] = URLTemplate(url) }
        }
        addressTemplates = templates
        orgs = rules.orgs
        handleRules = rules.rules(for: "org_handle")
    }

    /// The canonical link of a `links` finding (its rule's `url` template applied) and its organisation.
    public func canonicalize(_ finding: Finding) -> (Link, OrgEntry?)? {
        let address = addressTemplates[finding.rule].map { $0.filled(from: finding) } ?? finding.raw
        return canonicalize(raw: finding.raw, address: address, origin: "abstract")
    }

    /// The canonical link and, where the link's owner is an organisation, that organisation.
    /// `address` is what to canonicalise when it differs from the text as written.
    public func canonicalize(raw: String, address: String? = nil, origin: String = "abstract") -> (Link, OrgEntry?)? {
        guard let url = LinkCanonicalizer.canonicalURL(address ?? raw) else { return nil }
        for rule in kindRules {
            guard let m = rule.rule.firstMatch(url) else { continue }
            var parts: [(String, JSONValue)] = []
            for (name, asInt) in rule.parts {
                let value = m.group(name).map { text in asInt ? Int(text).map(JSONValue.int) ?? .string(text) : .string(text) }
                parts.append((name, value ?? .null))
            }
            let canonical = rule.url.map { $0.filled(from: m) } ?? url
            let link = Link(raw: raw, url: canonical, kind: rule.kind, parts: parts, origin: origin)
            return (link, organisation(of: m, url: canonical, how: rule.org))
        }
        return (Link(raw: raw, url: url, kind: "other", origin: origin), nil)
    }

    /// `{name}` replaced by the text of group `name` (empty when the group did not take part).
    static func fill(_ template: String, from m: Finding) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += m.group(String(rest[rest.index(after: open)..<close])) ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private func organisation(of m: Finding, url: String, how: String) -> OrgEntry? {
        switch how {
        case "owner:github": return m.group("owner").flatMap { orgs.forGitHub($0) ?? organisationHandle($0) }
        case "owner:hf": return m.group("owner").flatMap { orgs.forHuggingFace($0) ?? organisationHandle($0) }
        case "domain": return m.group("domain").flatMap(orgs.forDomain)
        case "host": return LinkCanonicalizer.host(of: url).flatMap(orgs.forDomain)
        default: return nil
        }
    }

    /// An account not in the alias table whose handle an `org_handle` rule takes for an
    /// organisation's: named by its handle, as written.
    private func organisationHandle(_ handle: String) -> OrgEntry? {
        guard handleRules.contains(where: { $0.firstMatch(handle) != nil }) else { return nil }
        return OrgEntry(name: handle, type: "lab", aliases: [], acronyms: [], github: [handle], hf: [handle],
                        domains: [], parent: nil, matchInText: false)
    }

    static func host(of url: String) -> String? {
        guard let r = url.range(of: "://") else { return nil }
        return String(url[r.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }

    /// Characters that end a sentence rather than a URL when they come last.
    static let trailingPunctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "'", "\"", "*", "”", "’", "»", ">"]

    /// The canonical URL for a raw link, or nil when nothing URL-like remains.
    public static func canonicalURL(_ raw: String) -> String? {
        var copy = LaTeXInURL.unescape(raw)
        if let fast = copy.withUTF8({ buf -> String?? in isPrintableASCII(buf) ? .some(asciiCanonicalURL(buf)) : .none }) { return fast }
        return generalCanonicalURL(copy)
    }

    /// `canonicalURL` for any text (printable ASCII has a faster path).
    static func unicodeCanonicalURL(_ raw: String) -> String? { generalCanonicalURL(LaTeXInURL.unescape(raw)) }

    /// `canonicalURL` of a link whose LaTeX escapes are already read back.
    private static func generalCanonicalURL(_ raw: String) -> String? {
        // A URL split by a line break or after `/` is one URL: white space inside goes.
        var s = Substring(raw.contains(where: \.isWhitespace) ? String(raw.filter { !$0.isWhitespace }) : raw)
        // Leading wrappers: quotes, brackets, angle brackets.
        while let f = s.first, "(<[\"'“‘«".contains(f) { s = s.dropFirst() }
        // Trailing punctuation and closing brackets without an opening one inside the URL.
        while let last = s.last {
            if trailingPunctuation.contains(last) { s = s.dropLast(); continue }
            if last == ")" && s.filter({ $0 == "(" }).count < s.filter({ $0 == ")" }).count { s = s.dropLast(); continue }
            if last == "]" && s.filter({ $0 == "[" }).count < s.filter({ $0 == "]" }).count { s = s.dropLast(); continue }
            if last == "}" && s.filter({ $0 == "{" }).count < s.filter({ $0 == "}" }).count { s = s.dropLast(); continue }
            break
        }
        var rest: Substring
        if let r = s.range(of: "://") {
            rest = s[r.upperBound...]
        } else {
            rest = s
        }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        guard host.contains("."), !host.isEmpty else { return nil }
        var path = String(rest[hostEnd...])
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix(".git") { path.removeLast(4) }
        if path.isEmpty || path.first == "?" || path.first == "#" { path = "/" + path }
        return "https://" + host + path
    }
}
