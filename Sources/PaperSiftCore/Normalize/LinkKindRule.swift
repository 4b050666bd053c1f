/// A `link_kind` rule with its attributes read once: `parts` (`owner repo version:int`), the
/// `url` template, `kind` (default `other`) and `org` (default `none`).
struct KindRule {
    let rule: CompiledRule
    let parts: [(name: String, asInt: Bool)]
    let url: URLTemplate?
    let kind: String
    let org: String

    init(_ rule: CompiledRule) {
        let attributes = rule.definition.attributes
        self.rule = rule
        parts = (attributes["parts"] ?? "").split(separator: " ").map { spec in
            spec.hasSuffix(":int") ? (String(spec.dropLast(4)), true) : (String(spec), false)
        }
        url = attributes["url"].map(URLTemplate.init)
        kind = attributes["kind"] ?? "other"
        org = attributes["org"] ?? "none"
    }
}
