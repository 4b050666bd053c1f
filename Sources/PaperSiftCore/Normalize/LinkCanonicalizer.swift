/// Turns a link as written into its canonical URL and kind, using the `link_kind` rules.
///
/// Canonical form (spec): `https://` scheme, lower-case host, no trailing sentence punctuation or
/// unbalanced `)`/`]`, no trailing `/` unless the path is empty, no `.git`, path case kept.
/// Kinds come from the first `link_kind` rule (highest priority, then file order) whose anchored
/// pattern matches the canonical URL; its `base` group, when present, becomes the URL (e.g. a
/// GitHub URL cut to `https://github.com/OWNER/REPO`), and its `parts` attribute names the groups
/// written into the link (`owner repo path`).
public struct LinkCanonicalizer {
    private let kindRules: [CompiledRule]
    private let orgs: OrgDirectory

    public init(rules: RuleSet) {
        kindRules = rules.rules(for: "link_kind").enumerated()
            .sorted { $0.element.definition.priority != $1.element.definition.priority
                ? $0.element.definition.priority > $1.element.definition.priority : $0.offset < $1.offset }
            .map(\.element)
        orgs = rules.orgs
    }

    /// The canonical link and, where the link's owner is an organisation, that organisation.
    public func canonicalize(raw: String, origin: String = "abstract") -> (Link, OrgEntry?)? {
        guard let url = LinkCanonicalizer.canonicalURL(raw) else { return nil }
        for rule in kindRules {
            guard let m = rule.firstMatch(url) else { continue }
            let attributes = rule.definition.attributes
            var parts: [(String, JSONValue)] = []
            for name in (attributes["parts"] ?? "").split(separator: " ").map(String.init) {
                parts.append((name, m.group(name).map { JSONValue.string($0) } ?? .null))
            }
            let canonical = m.group("base") ?? url
            let link = Link(raw: raw, url: canonical, kind: attributes["kind"] ?? "other", parts: parts, origin: origin)
            return (link, organisation(of: m, url: canonical, how: attributes["org"] ?? "none"))
        }
        return (Link(raw: raw, url: url, kind: "other", origin: origin), nil)
    }

    private func organisation(of m: Finding, url: String, how: String) -> OrgEntry? {
        switch how {
        case "owner:github": return m.group("owner").flatMap(orgs.forGitHub)
        case "owner:hf": return m.group("owner").flatMap(orgs.forHuggingFace)
        case "domain": return m.group("domain").flatMap(orgs.forDomain)
        case "host": return LinkCanonicalizer.host(of: url).flatMap(orgs.forDomain)
        default: return nil
        }
    }

    static func host(of url: String) -> String? {
        guard let r = url.range(of: "://") else { return nil }
        return String(url[r.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }

    /// Characters that end a sentence rather than a URL when they come last.
    static let trailingPunctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "'", "\"", "*", "”", "’", "»", ">"]

    /// The canonical URL for a raw link, or nil when nothing URL-like remains.
    public static func canonicalURL(_ raw: String) -> String? {
        var s = Substring(raw)
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
        if path.hasSuffix(".git") { path.removeLast(4) }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.isEmpty || path.first == "?" || path.first == "#" { path = "/" + path }
        return "https://" + host + path
    }
}
