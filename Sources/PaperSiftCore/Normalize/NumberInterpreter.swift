/// Turns number and model-size findings into typed values, using the attributes of the rule that
/// found them (see `docs/RULES.md`): `unit`, `units`, `scale`.
///
/// Groups: `values` (one or several numbers sharing the unit: `36/37/38%`, `1.4 - 7.8 times`,
/// one entry each, never averaged), `from` + `to` (a change: two entries with `direction`),
/// `word` (a number word from `numbers/number-words.tsv`), `unit`, `sign`, `cmp`.
/// What a number measures (`metric`, `benchmark`, `baseline`, `kind`) is `ResultResolver`'s job.
public struct NumberInterpreter {
    private let attributes: [String: [String: String]]
    /// The `units` and `scale` attributes of each rule, parsed once.
    private let unitTables: [String: [String: String]]
    private let scaleTables: [String: [String: String]]
    private let numberWords: [String: Double]

    public init(rules: RuleSet) {
        var byRule: [String: [String: String]] = [:]
        for rule in rules.definitions where rule.field == "numbers" || rule.field == "model_sizes" {
            byRule[rule.id] = rule.attributes
        }
        attributes = byRule
        unitTables = byRule.mapValues { NumberInterpreter.table($0["units"] ?? "") }
        scaleTables = byRule.mapValues { NumberInterpreter.table($0["scale"] ?? "") }
        numberWords = rules.numberWords
    }

    /// Percentages and multipliers from one finding, with `comparator` and `direction` only; what
    /// they measure is added by `ResultResolver`.
    public func numbers(_ f: Finding) -> [NumberMention] {
        let attrs = attributes[f.rule] ?? [:]
        guard let unit = unitFor(f, attrs) else { return [] }
        var context: [(String, String?)] = []
        if let cmp = f.group("cmp"), !cmp.isEmpty { context.append(("comparator", cmp)) }
        let negative = f.group("sign").map { $0 == "-" || $0 == "−" } ?? false
        if let from = f.group("from"), let to = f.group("to"),
           let a = NumberInterpreter.decimals(in: from).first, let b = NumberInterpreter.decimals(in: to).last {
            return [NumberMention(raw: f.raw, value: a, unit: unit, context: context + [("direction", "from")]),
                    NumberMention(raw: f.raw, value: b, unit: unit, context: context + [("direction", "to")])]
        }
        var values: [Double] = []
        if let word = f.group("word"), let v = numberWords[word.lowercased()] { values = [v] }
        else if let text = f.group("values") { values = NumberInterpreter.decimals(in: text) }
        return values.map { NumberMention(raw: f.raw, value: negative ? -$0 : $0, unit: unit, context: context) }
    }

    /// Model sizes in billions of parameters from one finding.
    public func modelSizes(_ f: Finding) -> [NumberMention] {
        let scales = scaleTables[f.rule] ?? [:]
        let unitText = f.group("unit") ?? ""
        guard let factor = (scales[unitText] ?? scales[unitText.lowercased()]).flatMap(Double.init) else { return [] }
        var values: [Double] = []
        if let word = f.group("word"), let v = numberWords[word.lowercased()] { values = [v] }
        else if let text = f.group("values") { values = NumberInterpreter.decimals(in: text) }
        return values.map { NumberInterpreter.round($0 * factor) }.filter(\.isFinite)
            .map { NumberMention(raw: f.raw, value: $0, unit: "B") }
    }

    private func unitFor(_ f: Finding, _ attrs: [String: String]) -> String? {
        if let written = f.group("unit") {
            let map = unitTables[f.rule] ?? [:]
            if let u = map[written] ?? map[written.lowercased()] { return u }
        }
        return attrs["unit"]
    }

    /// `a=b c=d` → [a: b, c: d].
    static func table(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for item in text.split(separator: " ") {
            guard let eq = item.lastIndex(of: "=") else { continue }
            out[String(item[..<eq])] = String(item[item.index(after: eq)...])
        }
        return out
    }

    /// Every decimal number written in `text` (`36/37/38` → 36, 37, 38; `1,000` → 1000). A number
    /// too large for a Double (hundreds of digits) is not one: JSON has no infinity to write.
    static func decimals(in text: String) -> [Double] {
        let u = Array(text.utf8)
        func digit(_ i: Int) -> Bool { i < u.count && u[i] >= 0x30 && u[i] <= 0x39 }
        var out: [Double] = []
        var current: [UInt8] = []
        var i = 0
        while i < u.count {
            if digit(i) { current.append(u[i]); i += 1; continue }
            if !current.isEmpty, u[i] == UInt8(ascii: "."), digit(i + 1), !current.contains(UInt8(ascii: ".")) {
                current.append(u[i]); i += 1; continue
            }
            // A thousands separator: exactly three digits follow.
            if !current.isEmpty, u[i] == UInt8(ascii: ","), digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4) {
                i += 1; continue
            }
            if let v = Double(String(decoding: current, as: UTF8.self)), v.isFinite { out.append(v) }
            current.removeAll()
            i += 1
        }
        if let v = Double(String(decoding: current, as: UTF8.self)), v.isFinite { out.append(v) }
        return out
    }

    /// Rounds away binary noise (`8 × 0.001` → `0.008`).
    static func round(_ v: Double) -> Double { (v * 1e9).rounded() / 1e9 }
}
