/// Page boilerplate by the rules of field `clean`: a `where: header` rule drops lines (text
/// dumps) or blocks (HTML pages) only before the first kept one, a `where: anywhere` rule
/// drops them everywhere. One filter per document.
struct BoilerplateFilter {
    private let headerRules: [CompiledRule]
    private let anywhereRules: [CompiledRule]
    private var inHeader = true

    init(rules: RuleSet) {
        let clean = rules.rules(for: "clean")
        headerRules = clean.filter { ($0.definition.attributes["where"] ?? "header") == "header" }
        anywhereRules = clean.filter { $0.definition.attributes["where"] == "anywhere" }
    }

    /// Whether `drops` can still answer yes (if not, the text need not be prepared for it).
    var mayDrop: Bool { inHeader || !anywhereRules.isEmpty }

    /// Whether `text` (whitespace already collapsed) is boilerplate to drop.
    mutating func drops(_ text: String) -> Bool {
        if inHeader {
            if headerRules.contains(where: { $0.pattern.matches(text) }) { return true }
            inHeader = false
        }
        return anywhereRules.contains(where: { $0.pattern.matches(text) })
    }
}
